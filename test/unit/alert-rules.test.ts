import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { knownFamilyOf, metricNamesIn } from '../support/metrics/metric-families';
import { promtool } from '../support/metrics/promtool';
import { REPOSITORY_ROOT } from '../support/source/source-files';

/**
 * Issue 22 item 4: the alert rules (docker/prometheus/alerts.yml) are valid, load from compose's prometheus.yml, pass
 * their unit tests (alerts*.test.yml: each rule fires when it should and stays quiet when it should not), and name only
 * metric families that parkflow, the SDK, the Temporal server or Prometheus serve.
 */
const PROMETHEUS_DIR = join(REPOSITORY_ROOT, 'docker', 'prometheus');

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleTest {
  alert_rule_test: Array<{ alertname: string; exp_alerts?: unknown[] }>;
}

const rules: AlertRule[] = (
  parse(readFileSync(join(PROMETHEUS_DIR, 'alerts.yml'), 'utf8')).groups as Array<{ rules: AlertRule[] }>
).flatMap((group) => group.rules);
/** alerts.test.yml and its siblings (the rules' unit tests, split by topic). */
const TEST_FILES = readdirSync(PROMETHEUS_DIR).filter((file) => /^alerts.*\.test\.yml$/.test(file));
const ruleTests: RuleTest[] = TEST_FILES.flatMap(
  (file) => parse(readFileSync(join(PROMETHEUS_DIR, file), 'utf8')).tests,
);

/** `promtool <args>` in docker/prometheus. */
const promtoolHere = (...args: string[]): string => promtool(PROMETHEUS_DIR, ...args);

describe('metricNamesIn', () => {
  it('finds the selected metrics, not functions, labels, strings, durations, keywords or numbers', () => {
    const expression =
      'histogram_quantile(0.99, sum by (le) (rate(a_bucket{job="x", le!="1e3"}[5m]))) > 1e3 ' +
      'or on () (b - b offset 10m) unless absent(up{job="w"} == 1) and vector(0) / $__rate_interval';
    expect(metricNamesIn(expression).sort()).toEqual(['a_bucket', 'b', 'up']);
  });
});

describe('the alert rules (docker/prometheus/alerts.yml)', () => {
  it('are valid rules (promtool check rules)', () => {
    expect(promtoolHere('check', 'rules', 'alerts.yml')).toContain(`SUCCESS: ${rules.length} rules found`);
  });

  it("are loaded by compose's Prometheus configuration (promtool check config)", () => {
    expect(promtoolHere('check', 'config', 'prometheus.yml')).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('pass their unit tests (promtool test rules alerts*.test.yml)', () => {
    expect(TEST_FILES).toContain('alerts.test.yml');
    const output = promtoolHere('test', 'rules', ...TEST_FILES);
    expect(output.match(/SUCCESS/g)).toHaveLength(TEST_FILES.length);
  });

  it.each(rules.map((rule) => [rule.alert, rule]))(
    '%s is tested firing and quiet, with a severity and a summary and description for ops',
    (name, rule) => {
      const checks = ruleTests.flatMap((test) => test.alert_rule_test).filter((check) => check.alertname === name);
      expect(checks.some((check) => (check.exp_alerts ?? []).length > 0)).toBe(true);
      expect(checks.some((check) => (check.exp_alerts ?? []).length === 0)).toBe(true);
      expect(['critical', 'warning']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toEqual(expect.stringMatching(/\S/));
      expect(rule.annotations?.description).toEqual(expect.stringMatching(/\S/));
    },
  );

  it('name only metric families that are served (worker, API, Temporal server and SDK lists, Prometheus)', () => {
    const unknown = rules.flatMap((rule) =>
      metricNamesIn(rule.expr)
        .filter((name) => knownFamilyOf(name) === undefined)
        .map((name) => `${rule.alert}: ${name}`),
    );
    expect(unknown).toEqual([]);
    // The extraction itself: what each rule reads, so that a rule reading nothing does not pass unnoticed.
    expect(rules.every((rule) => metricNamesIn(rule.expr).length > 0)).toBe(true);
  });
});

import { API_SERIES } from '../../../api/metrics/series';
import { TEMPORAL_SERVER_SERIES } from '../../../scripts/temporal-server';
import {
  CLIENT_CERTIFICATE_EXPIRY_SERIES,
  SDK_SERIES_AFTER_WORK,
  SDK_SERIES_ON_FAILURE,
  WORKER_SERIES,
} from '../../../worker/metrics/series';

/**
 * The Temporal server's matching counters of polls that ended (with a task, or empty at the end of a long poll): they
 * appear about a minute after a worker starts polling, later than the cluster test's scrape, so its list
 * (TEMPORAL_SERVER_SERIES) leaves them out. `ParkflowNoWorkerPolling` reads them.
 */
export const TEMPORAL_SERVER_POLL_SERIES = ['poll_success', 'poll_timeouts'] as const;

/** Series Prometheus writes itself: each target's scrape health and the alerts' own state. */
export const PROMETHEUS_SERIES = ['up', 'ALERTS'] as const;

/**
 * Every metric family the alert rules and the dashboard may name: the families each endpoint serves (the lists the
 * cluster test checks against real processes), those that appear with an event, and Prometheus's own.
 */
export const KNOWN_FAMILIES: ReadonlySet<string> = new Set<string>([
  ...WORKER_SERIES,
  ...SDK_SERIES_AFTER_WORK,
  ...SDK_SERIES_ON_FAILURE,
  CLIENT_CERTIFICATE_EXPIRY_SERIES,
  ...API_SERIES,
  ...TEMPORAL_SERVER_SERIES,
  ...TEMPORAL_SERVER_POLL_SERIES,
  ...PROMETHEUS_SERIES,
]);

/** What a histogram or counter family `x` also writes. */
const SAMPLE_SUFFIXES = ['_bucket', '_sum', '_count'];

/** Words of PromQL that look like metric names. */
const KEYWORDS = new Set(['and', 'or', 'unless', 'offset', 'bool', 'inf', 'nan']);

/**
 * The metric names a PromQL expression selects (or a Grafana panel's, its `$variables` removed): the identifiers left
 * once strings, label matchers, ranges and `by (…)`-style label lists are taken out, other than functions, keywords
 * and numbers. Enough for the expressions of this repository, not a parser.
 */
export function metricNamesIn(expression: string): string[] {
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ');
  const identifiers = bare.match(/(?<![\w.:])[A-Za-z_:][\w:]*(?![\w:])(?!\s*\()/g) ?? [];
  return [...new Set(identifiers.filter((word) => !KEYWORDS.has(word.toLowerCase())))];
}

/** The family a sample name belongs to among {@link KNOWN_FAMILIES}; undefined when none. */
export function knownFamilyOf(name: string): string | undefined {
  if (KNOWN_FAMILIES.has(name)) return name;
  const suffix = SAMPLE_SUFFIXES.find((end) => name.endsWith(end) && KNOWN_FAMILIES.has(name.slice(0, -end.length)));
  return suffix === undefined ? undefined : name.slice(0, -suffix.length);
}

import { DEVELOPMENT_TOKEN_ISSUER } from '../../../api/auth/development-token';
import { API_SERIES } from '../../../api/metrics/series';
import { renderTable, row, seconds, type Row } from '../../../drills/report';
import { runDrills } from '../../../drills/run';
import { DRILL_JWT_SECRET, type DrillStack } from '../../../tooling/stacks/process-stack';
import { TEMPORAL_SERVER_SERIES } from '../../../scripts/temporal-server';
import { SDK_SERIES_AFTER_WORK, WORKER_SERIES } from '../../../worker/metrics/series';
import { compiledBuild, REPO_ROOT } from '../../support/jest/compiled-build';
import { httpStack } from '../../../tooling/http/http-calls';
import { HttpDriver } from '../../../tooling/http/http-driver';
import { samplesOf, scrape } from '../../support/metrics/prometheus-text';
import { wholeLife, WHOLE_LIFE, WHOLE_LIFE_TIME_SCALE } from '../../support/http/whole-life';

/**
 * Issue 12 item 2: `npm run cluster`'s topology, as real processes on free ports — embedded PostgreSQL, the Temporal
 * server built from its Go module on it (compose's own schema and namespace scripts), two workers, two API instances
 * behind the front door. First a park's whole life through the front door (cases at a compressed
 * POLICY_TIME_SCALE), then the cluster drills during streams of officer actions: worker-1 kill -9 while worker-2
 * serves, api-1 kill -9 mid-request while api-2 answers, the Temporal server kill -9 and restart. Every row (drill ×
 * invariant: applied once, one treasury instruction per payment, state = read model, no ghost, …) must pass.
 */
const BUILD_DIR = compiledBuild();

/**
 * Issue 12 item 3: every metrics endpoint of the topology serves the series the ops guide names — the Temporal
 * server's, each worker's (business gauges, schedule lag, the SDK's, once it has worked), each API instance's.
 */
async function metricsRows(stack: DrillStack): Promise<Row[]> {
  const workerUrls = stack.workers.map((_, i) => `http://127.0.0.1:${stack.ports.workerMetrics[i]}/metrics`);
  const endpoints: Array<[string, string[], readonly string[]]> = [
    ['temporal server', [stack.temporalMetricsUrl], TEMPORAL_SERVER_SERIES],
    ...stack.workers.map((w, i): [string, string[], readonly string[]] => [w.name, [workerUrls[i]], WORKER_SERIES]),
    // Task latencies appear on a worker once it has run tasks: the whole life's one case ran on one of them.
    ['the workers, once they have worked', workerUrls, SDK_SERIES_AFTER_WORK],
    ...stack.apis.map((a, i): [string, string[], readonly string[]] => [
      a.name,
      [`http://127.0.0.1:${stack.ports.apis[i]}/metrics`],
      API_SERIES,
    ]),
  ];
  return Promise.all(
    endpoints.map(async ([name, urls, series]) => {
      const texts = await Promise.all(urls.map(async (url) => (await scrape(url)).text));
      const names = new Set(texts.flatMap((text) => samplesOf(text).map((sample) => sample.name)));
      const missing = series.filter((family) => !['', '_bucket', '_count'].some((end) => names.has(family + end)));
      return row(
        'metrics',
        `the ops guide's series: ${name}`,
        `${series.length - missing.length}/${series.length} at ${urls.join(', ')}`,
        missing.length === 0,
        missing.map((m) => `missing ${m}`),
      );
    }),
  );
}

/** A whole life through the front door, its cases at the whole life's time scale; the drills then run at 1. */
async function lifeThroughTheFrontDoor(stack: DrillStack): Promise<Row[]> {
  // The drills' short UPDATE_WAIT_MS (waits and take-overs within a drill) is not what the life tests: officers wait
  // as long as the e2e suite's do, so a loaded machine answers 201 rather than 202.
  await stack.restartApis({
    POLICY_TIME_SCALE: String(WHOLE_LIFE_TIME_SCALE),
    UPDATE_WAIT_MS: '15000',
    IDEMPOTENCY_LEASE_MS: '40000',
  });
  const started = Date.now();
  await wholeLife(new HttpDriver(httpStack(stack.apiUrl, DRILL_JWT_SECRET)), DEVELOPMENT_TOKEN_ISSUER);
  const lived = Date.now() - started;
  const metrics = await metricsRows(stack);
  await stack.restartApis({});
  return [
    row('whole life', 'through the front door: closed', `${WHOLE_LIFE} in ${seconds(lived)}`, true, []),
    ...metrics,
  ];
}

/** The drills signal real processes (kill -9) and read /proc: Linux only, said so rather than passed. */
const onLinux = process.platform === 'linux' ? it : it.skip;

onLinux(
  'the production topology: a whole life through the front door, then worker, API and Temporal server drills',
  async () => {
    const result = await runDrills({
      short: true,
      topology: 'cluster',
      repoRoot: REPO_ROOT,
      buildDir: BUILD_DIR,
      beforeDrills: lifeThroughTheFrontDoor,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`[cluster] run in ${(result.ms / 1000).toFixed(1)} s\n${renderTable(result.rows)}\n`);

    // First, so that a failure shows them: the rows that failed, with their numbers and evidence (a stopped stack's
    // error and log tail); the stack's logs are kept in result.dataDir.
    expect({ failed: result.rows.filter((r) => !r.pass), logs: result.dataDir }).toEqual({
      failed: [],
      logs: result.dataDir,
    });

    const drills = [...new Set(result.rows.map((r) => r.drill))];
    expect(drills).toEqual([
      'whole life',
      'metrics',
      expect.stringMatching(/^1 /),
      expect.stringMatching(/^2 /),
      expect.stringMatching(/^3 /),
    ]);
    expect(result.rows.filter((r) => r.drill === 'metrics')).toHaveLength(6);
    for (const drill of drills.slice(2))
      expect(result.rows.filter((r) => r.drill === drill).length).toBeGreaterThanOrEqual(9);
  },
  600_000,
);

import { renderTable } from '../../drills/report';
import { runDrills } from '../../drills/run';
import { compiledBuild, REPO_ROOT } from '../support/jest/compiled-build';

/**
 * Issue 10 item 9, the short fault drills in CI (`npm run drills` runs the full ones): worker kill -9, API kill
 * -9 mid-request, Temporal kill -9 and restart, PostgreSQL kill -9 for ~8 s, worker SIGSTOP past UPDATE_WAIT_MS —
 * each during a stream of officer actions, against real processes the drills start on free ports and a temporary
 * data dir. Every row of the table (every drill × invariant) must pass.
 */
const BUILD_DIR = compiledBuild();

/** The drills signal real processes (kill -9, SIGSTOP) and read /proc: Linux only, said so rather than passed. */
const onLinux = process.platform === 'linux' ? it : it.skip;

onLinux('the five short drills: every drill × invariant row passes', async () => {
  const result = await runDrills({ short: true, repoRoot: REPO_ROOT, buildDir: BUILD_DIR });
  const table = renderTable(result.rows);
  process.stdout.write(`[drills] short run in ${(result.ms / 1000).toFixed(1)} s\n${table}\n`);

  // First, so that a stopped stack shows its error: the rows that failed with their numbers and evidence (the
  // stack's logs are kept in result.dataDir).
  expect({ failed: result.rows.filter((r) => !r.pass), logs: result.dataDir }).toEqual({
    failed: [],
    logs: result.dataDir,
  });
  const drills = [...new Set(result.rows.map((r) => r.drill))];
  expect(drills).toHaveLength(5);
  for (const drill of drills) expect(result.rows.filter((r) => r.drill === drill).length).toBeGreaterThanOrEqual(9);
});

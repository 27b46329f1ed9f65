import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../scripts/repo-root';

/** Where one test run keeps what its files share (set by jest's global setup; removed by its teardown). */
export const RUN_DIR_VARIABLE = 'PARKFLOW_TEST_RUN_DIR';

const POLL_MS = 200;

/**
 * Where the run's artifact `name` is (made or not). Outside a test run (a bench), the process is its own run: a
 * directory of its own under the git-ignored .data/ (so node_modules resolve), removed when it exits.
 */
export function artifactPath(name: string): string {
  let runDir = process.env[RUN_DIR_VARIABLE];
  if (!runDir) {
    const own = (runDir = join(repoRoot(), '.data', `run-${process.pid}`));
    process.env[RUN_DIR_VARIABLE] = own;
    process.once('exit', () => rmSync(own, { recursive: true, force: true }));
  }
  return join(runDir, name);
}

/**
 * Something every test file of a run may need and that is costly to make (the compiled project, the workflow bundle):
 * made once per run by the first file that asks — the others wait for it — and kept under the run's directory. Made
 * lazily, so a run that needs none of it (the unit suite alone) pays nothing. `mkdir` of a lock directory is atomic,
 * so parallel jest workers agree on one maker.
 */
export async function sharedArtifact(
  name: string,
  make: (dir: string) => Promise<void>,
  waitMs = 600_000,
): Promise<string> {
  const dir = artifactPath(name);
  const done = `${dir}.done`;
  if (existsSync(done)) return dir;
  const lock = `${dir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  try {
    mkdirSync(lock, { recursive: false }); // atomic: one maker per run
  } catch {
    return waitFor(done, dir, lock, waitMs);
  }
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await make(dir);
    writeFileSync(done, '');
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true }); // a failed maker lets the next caller try again
  }
}

async function waitFor(done: string, dir: string, lock: string, waitMs: number): Promise<string> {
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    if (existsSync(done)) return dir;
    if (!existsSync(lock)) throw new Error(`making ${dir} failed in another test file (see its error)`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`${dir} was not made within ${waitMs / 1000} s`);
}

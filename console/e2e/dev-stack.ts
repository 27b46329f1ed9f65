import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { devStackEnv } from '../../test/support/dev-stack-env';

/** The project's root (scripts/dev.sh is run from there). */
const ROOT = join(__dirname, '..', '..');
/** Building, PostgreSQL's first start and the Temporal dev server, on a loaded machine. */
const START_TIMEOUT_MS = 300_000;
/** dev.sh stops everything within 15 s of SIGTERM; more than that is a bug the run must not hide. */
const STOP_TIMEOUT_MS = 30_000;

/** Where the tests find the stack (set here, read by the tests: Playwright's workers inherit the environment). */
export const CONSOLE_URL_VARIABLE = 'PARKFLOW_CONSOLE_URL';

const signal = (pgid: number, name: NodeJS.Signals): void => {
  try {
    process.kill(-pgid, name);
  } catch {
    // already gone
  }
};

/**
 * Playwright's global setup: `npm run dev` (scripts/dev.sh) on free ports and a data dir of its own — the same stack a
 * developer runs, with its development OpenID Connect provider — until it says "parkflow is running". The function it
 * returns is the teardown: SIGTERM, as Ctrl-C would, then whatever dev.sh left (none, if it keeps its promise) killed.
 */
export default async function startDevStack(): Promise<() => Promise<void>> {
  const stack = await devStackEnv('parkflow-browser-');
  const { dataDir, port } = stack;
  const env = { ...stack.env, WORKER_METRICS_PORT: '0' };
  const log = join(dataDir, 'dev.log');
  const dev = spawn('bash', ['scripts/dev.sh'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(log);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
    out.write(chunk);
  };
  dev.stdout.on('data', keep);
  dev.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => dev.once('exit', () => resolve()));

  const teardown = async (): Promise<void> => {
    const pgid = dev.pid as number;
    signal(pgid, 'SIGTERM');
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS)),
    ]);
    // dev.sh's children lead process groups of their own; its list of them is gone once it has stopped them all.
    const pids = join(dataDir, 'dev.pids');
    const left = existsSync(pids) ? readFileSync(pids, 'utf8').split('\n').filter(Boolean) : [];
    for (const line of left) signal(Number(line.split(' ')[1]), 'SIGKILL');
    signal(pgid, 'SIGKILL');
    out.end();
    if (!stopped || left.length > 0) throw new Error(`npm run dev did not stop cleanly; see ${log}`);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = (): void => {
        if (output.includes('parkflow is running')) resolve(true);
      };
      dev.stdout.on('data', check);
      dev.stderr.on('data', check);
    }),
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), START_TIMEOUT_MS)),
  ]);
  if (!started) {
    await teardown().catch(() => undefined);
    throw new Error(`npm run dev did not start:\n${output.slice(-4_000)}`);
  }
  process.env[CONSOLE_URL_VARIABLE] = `http://localhost:${port}`;
  return teardown;
}

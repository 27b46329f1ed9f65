import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/repo-root';
import { devStackEnv } from './dev-stack-env';

/** The project's root (scripts/dev.sh is run from there), also when this runs compiled (the console bench). */
const ROOT = repoRoot(__dirname);
/** Building, PostgreSQL's first start and the Temporal dev server, on a loaded machine. */
const START_TIMEOUT_MS = 300_000;
/** dev.sh stops everything within 15 s of SIGTERM; more than that is a bug the run must not hide. */
const STOP_TIMEOUT_MS = 30_000;

/** A running `npm run dev` stack: where it answers, its data dir and process groups, and how to stop it. */
export interface DevStack {
  url: string;
  dataDir: string;
  /** The stack's own Temporal dev server. */
  temporalAddress: string;
  /** SIGTERM as Ctrl-C would, then whatever dev.sh left killed; throws if it did not stop cleanly. */
  stop(): Promise<void>;
}

const signal = (pgid: number, name: NodeJS.Signals): void => {
  try {
    process.kill(-pgid, name);
  } catch {
    // already gone
  }
};

/**
 * `npm run dev` (scripts/dev.sh) on free ports and a data dir of its own — the same stack a developer runs, with its
 * development OpenID Connect provider — until it says "parkflow is running". Used by the browser suite and the
 * console's speed bench.
 */
export async function startDevStack(prefix: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<DevStack> {
  const stack = await devStackEnv(prefix);
  const { dataDir, port } = stack;
  const env: NodeJS.ProcessEnv = { ...stack.env, WORKER_METRICS_PORT: '0', ...extraEnv };
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
  const pidsFile = join(dataDir, 'dev.pids');
  const groups = (): string[][] =>
    existsSync(pidsFile)
      ? readFileSync(pidsFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(' '))
      : [];

  const stop = async (): Promise<void> => {
    const pgid = dev.pid as number;
    signal(pgid, 'SIGTERM');
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS)),
    ]);
    // dev.sh's children lead process groups of their own; its list of them is gone once it has stopped them all.
    const left = groups();
    for (const [, group] of left) {
      signal(Number(group), 'SIGCONT'); // a group a test paused stops too
      signal(Number(group), 'SIGKILL');
    }
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
    await stop().catch(() => undefined);
    throw new Error(`npm run dev did not start:\n${output.slice(-4_000)}`);
  }
  const temporalAddress = `127.0.0.1:${env.PARKFLOW_TEMPORAL_PORT}`;
  return { url: `http://localhost:${port}`, dataDir, temporalAddress, stop };
}

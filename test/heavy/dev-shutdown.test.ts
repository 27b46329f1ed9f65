import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { devStackEnv } from '../../tooling/processes/dev-stack-env';
import { eventually } from '../../tooling/eventually';

/**
 * `npm run dev` (scripts/dev.sh) on its own ports and data dir: it says "parkflow is running" only once
 * /health/ready is 200, and SIGINT (Ctrl-C) leaves none of the processes it started — Temporal dev server,
 * embedded PostgreSQL, the development OpenID Connect provider, worker, API, and their children — alive within 15 s.
 */
const root = join(__dirname, '..', '..');

/** Every live (non-zombie) process whose process group is `pgid` (Linux /proc). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return members;
}
const alive = (pid: number): boolean =>
  existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

let dev: ChildProcess | undefined;
let dataDir: string;
let groups: number[] = [];
afterAll(() => {
  for (const pgid of [dev?.pid, ...groups]) {
    try {
      if (pgid) process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir && !process.env.KEEP_DEV_DATA) rmSync(dataDir, { recursive: true, force: true });
});

it('prints "parkflow is running" once ready, and Ctrl-C stops every process it started within 15 s', async () => {
  if (process.platform !== 'linux') return; // reads /proc
  const stack = await devStackEnv('parkflow-dev-');
  dataDir = stack.dataDir;
  const { port, env } = stack;
  dev = spawn('bash', ['scripts/dev.sh'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => dev?.once('exit', (code) => resolve(code)));

  await eventually(
    () => output.includes('parkflow is running') || dev?.exitCode !== null,
    'dev.sh to say "parkflow is running"',
    240_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  expect({ running: output.includes('parkflow is running'), output }).toMatchObject({ running: true });
  // "running" means ready: the API answers 200 on /health/ready right away (a worker polls).
  const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
  expect({ status: ready.status, body: await ready.json() }).toMatchObject({
    status: 200,
    body: { checks: { worker: { status: 'up' } } },
  });

  const started = readFileSync(join(dataDir, 'dev.pids'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' '));
  // Known before any assertion, so that afterAll stops every process group even when one fails.
  groups = started.map(([, pid]) => Number(pid));
  expect(started.map(([name]) => name).sort()).toEqual([
    'api',
    'object-store',
    'oidc',
    'postgres',
    'temporal',
    'worker',
  ]);
  const everyPid = [dev.pid as number, ...[dev.pid as number, ...groups].flatMap(groupMembers)];
  expect(everyPid.length).toBeGreaterThanOrEqual(8); // dev.sh, 6 children, the postgres server under its launcher

  const signalledAt = Date.now();
  process.kill(dev.pid as number, 'SIGINT');
  await eventually(() => everyPid.every((pid) => !alive(pid)), 'every dev.sh process to end', 15_000).catch(
    (error: Error) => {
      const left = everyPid
        .filter(alive)
        .map((pid) => `${pid}: ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')}`);
      throw new Error(`${error.message}; still alive:\n${left.join('\n')}\n${output}`);
    },
  );
  expect(Date.now() - signalledAt).toBeLessThan(15_000);
  expect(await exited).toBe(130);
  expect([dev.pid as number, ...groups].flatMap(groupMembers)).toEqual([]);
});

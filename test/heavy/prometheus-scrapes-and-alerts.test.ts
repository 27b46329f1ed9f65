import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port';
import { startClusterPrometheus } from '../../scripts/prometheus-server';
import { eventually } from '../../tooling/eventually';
import { REPOSITORY_ROOT } from '../support/source/source-files';

/**
 * Issue 22 item 4: `npm run cluster`'s Prometheus — Debian's binary, run as scripts/prometheus-server.cli.ts runs it —
 * scrapes every job and evaluates every alert rule without an error. One stand-in endpoint serves all three jobs: no
 * worker's polls reach the "server" and a refund is overdue, so those two rules go pending (their `for` runs out
 * well after this test).
 */
const EXPOSITION = [
  '# TYPE parkflow_deadlines_overdue gauge',
  'parkflow_deadlines_overdue{kind="refund"} 1',
  'parkflow_deadlines_overdue{kind="payment_confirmation"} 0',
  '',
].join('\n');

interface Rule {
  name: string;
  health: string;
  state?: string;
  lastError?: string;
}

let endpoint: Server;
let prometheus: ChildProcess;
let dir: string;
let url: string;
let log = '';

beforeAll(async () => {
  endpoint = createServer((_request, response) => response.end(EXPOSITION));
  await new Promise<void>((done) => endpoint.listen(0, '127.0.0.1', done));
  const metricsPort = (endpoint.address() as { port: number }).port;
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  dir = mkdtempSync(join(tmpdir(), 'parkflow-cluster-prometheus-'));
  prometheus = startClusterPrometheus({
    repoRoot: REPOSITORY_ROOT,
    dir,
    port,
    ports: { temporal: metricsPort, workers: [metricsPort], apis: [metricsPort] },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  prometheus.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
});

afterAll(async () => {
  if (prometheus && prometheus.exitCode === null) {
    const exited = new Promise((done) => prometheus.once('exit', done));
    prometheus.kill('SIGTERM');
    const killer = setTimeout(() => prometheus.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
  endpoint?.closeAllConnections();
  await new Promise((done) => endpoint?.close(done));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `GET <url><path>`'s `data`; undefined while Prometheus does not answer yet. */
async function api<T>(path: string): Promise<T | undefined> {
  if (prometheus.exitCode !== null) throw new Error(`Prometheus exited (${prometheus.exitCode}):\n${log}`);
  try {
    const response = await fetch(`${url}${path}`);
    return response.ok ? ((await response.json()) as { data: T }).data : undefined;
  } catch {
    return undefined;
  }
}

it('scrapes the Temporal server, worker and API jobs and evaluates every alert rule of the repository', async () => {
  const scrapes = (): Promise<{ activeTargets: Array<{ labels: { job: string }; health: string }> } | undefined> =>
    api('/api/v1/targets');
  await eventually(
    async () => (await scrapes())?.activeTargets.filter((target) => target.health === 'up').length === 3,
    'every target scraped',
    60_000,
  );
  const jobs = (await scrapes())!.activeTargets.map((target) => target.labels.job).sort();
  expect(jobs).toEqual(['parkflow-api', 'parkflow-worker', 'temporal-server']);

  // Rules are evaluated every 15 s (evaluation_interval): wait for a round after the first scrape.
  const rules = async (): Promise<Rule[]> =>
    ((await api<{ groups: Array<{ rules: Rule[] }> }>('/api/v1/rules'))?.groups ?? []).flatMap((g) => g.rules);
  // A round that ran before every target's first scrape may hold others pending (no worker scraped yet): wait for a
  // round that saw all three up, where exactly these two are pending — and for every group's first round (each group
  // is evaluated on its own schedule: one not evaluated yet shows health `unknown`).
  const PENDING = ['ParkflowNoWorkerPolling', 'ParkflowRefundOverdue'];
  const pendingNow = async (): Promise<string> => {
    const all = await rules();
    if (all.some((rule) => rule.health === 'unknown')) return 'a group not evaluated yet';
    return all
      .filter((rule) => rule.state !== 'inactive')
      .map((rule) => rule.name)
      .sort()
      .join();
  };
  await eventually(
    async () => (await pendingNow()) === PENDING.join(),
    `a round of rule evaluation with exactly ${PENDING.join(' and ')} pending`,
    90_000,
  );
  const evaluated = await rules();
  expect(evaluated.filter((rule) => rule.health !== 'ok')).toEqual([]);
  const pending = evaluated.filter((rule) => rule.state !== 'inactive').map((rule) => rule.name);
  expect(pending.sort()).toEqual(PENDING);
});

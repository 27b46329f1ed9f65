import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './api-client';
import { appliedOnce, oneInstructionPerPayment, stateEqualsReadModel } from './case-invariants';
import { FULL, SHORT, type Drill, type DrillContext, type DrillParams } from './context';
import { CLUSTER_DRILLS } from './cluster-drills';
import { DRILLS } from './drills';
import { PhantomWatch } from './phantoms';
import { Probes } from './probes';
import { row, seconds, times, type Row } from './report';
import { DrillStack, DRILL_JWT_SECRET, type Topology } from '../tooling/stacks/process-stack';
import { noGhosts, no500, noStrandedKeys } from './stack-invariants';
import { ActionStream, type ActionRecord } from './stream';

/** What to run and from where. */
export interface RunOptions {
  short: boolean;
  repoRoot: string;
  buildDir: string;
  /** Keep the data dir (logs, PostgreSQL cluster, Temporal's SQLite file) even when every row passes. */
  keepData?: boolean;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** `dev` (the five drills of issue 10) unless said; `cluster`: the three drills of issue 12 item 2. */
  topology?: Topology;
  /**
   * Runs on the ready stack before the first drill (e.g. a whole life through the front door); its rows join the
   * table, and a throw is a failed row of its own.
   */
  beforeDrills?: (stack: DrillStack) => Promise<Row[]>;
}

/** The table's rows, where the stack's logs are (kept when a row failed or with `keepData`), and how long it took. */
export interface RunResult {
  rows: Row[];
  dataDir: string;
  ms: number;
}

/** How long the stack may take to serve again (`/health/ready` 200) after a drill's fault. */
const SETTLE_MS = 120_000;

/**
 * Runs the fault drills of the topology (dev: the five of issue 10 item 9; cluster: the three of issue 12 item 2),
 * one after the other, on one stack of real processes that this run starts on free ports and a temporary data dir
 * (never `npm run dev`'s or `npm run cluster`'s): each drill runs a stream of officer
 * actions, injects its fault, lets the stack settle, then checks the invariants. Returns one row per drill and
 * invariant; the data dir (logs) is kept when a row fails.
 */
export async function runDrills(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const params = options.short ? SHORT : FULL;
  const dataDir = mkdtempSync(join(tmpdir(), 'parkflow-drills-'));
  chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as 'postgres', who must reach its data dir
  log(`[drills] ${options.short ? 'short' : 'full'} run; stack data and logs in ${dataDir}`);
  const rows: Row[] = [];
  let stack: DrillStack | undefined;
  let probes: Probes | undefined;
  try {
    stack = await DrillStack.start({
      repoRoot: options.repoRoot,
      buildDir: options.buildDir,
      dataDir,
      updateWaitMs: params.updateWaitMs,
      leaseMs: params.leaseMs,
      topology: options.topology,
    });
    log(
      `[drills] ${options.topology ?? 'dev'} stack ready in ${seconds(Date.now() - started)}: API ${stack.apiUrl}, ` +
        `Temporal ${stack.temporalAddress}, PostgreSQL :${stack.ports.postgres}`,
    );
    probes = new Probes(stack);
    if (options.beforeDrills) rows.push(...(await options.beforeDrills(stack)));
    const filedBefore = new Set(
      (await probes.sql<{ case_id: string }>('SELECT case_id FROM park_cases')).map((r) => r.case_id),
    );
    const all: ActionRecord[] = [];
    for (const drill of options.topology === 'cluster' ? CLUSTER_DRILLS : DRILLS) {
      const drillStarted = Date.now();
      const drillRows = await runDrill(drill, stack, probes, params, all, filedBefore);
      rows.push(...drillRows);
      log(
        `[drills] ${drill.name(params)}: ${drillRows.filter((r) => r.pass).length}/${drillRows.length} ` +
          `pass in ${seconds(Date.now() - drillStarted)}`,
      );
    }
  } catch (error) {
    rows.push(
      row('stack', 'runs', `stopped: ${(error as Error).message.split('\n')[0]}`, false, [
        (error as Error).stack ?? String(error),
      ]),
    );
  } finally {
    await probes?.close();
    await stack?.stop().catch((error: Error) => log(`[drills] stopping the stack: ${error.message}`));
  }
  const allPass = rows.length > 0 && rows.every((r) => r.pass);
  if (allPass && !options.keepData) rmSync(dataDir, { recursive: true, force: true });
  else log(`[drills] logs kept in ${dataDir}`);
  return { rows, dataDir, ms: Date.now() - started };
}

/** One drill: the stream with the fault injected into it, the stack settled, then every invariant. */
async function runDrill(
  drill: Drill,
  stack: DrillStack,
  probes: Probes,
  params: DrillParams,
  all: ActionRecord[],
  filedBefore: ReadonlySet<string>,
): Promise<Row[]> {
  const name = drill.name(params);
  const client = new ApiClient(stack.apiUrl, DRILL_JWT_SECRET);
  const phantoms = new PhantomWatch(probes);
  const stream = new ActionStream(client, name, drill.id, {
    lanes: params.lanes,
    actionBoundMs: params.actionBoundMs,
    onLost: phantoms.onLost,
  });
  const ctx: DrillContext = { stack, client, stream, probes, params, windows: [], facts: [], rows: [], killedKeys: [] };
  const running = stream.run();
  let faultError: Error | undefined;
  await drill.fault(ctx).catch((error: Error) => (faultError = error));
  stream.stop();
  await running;
  all.push(...stream.records);
  // A process the fault did not mean to take down must still run; a supervisor would restart it — so does this.
  const died = stack.processes.filter((p) => !p.alive()).map((p) => p.name);
  await heal(stack);
  await stack.ready(SETTLE_MS).catch((error: Error) => (faultError ??= error));

  const records = stream.records;
  const kills = ctx.windows.filter((w) => w.what !== 'worker paused').length;
  const rows: Row[] = [
    row(
      name,
      'fault injected, stack recovered',
      `${ctx.facts.join('; ') || 'none'}${died.length ? `; died: ${died.join(', ')}` : ''}`,
      !faultError && died.length === 0 && ctx.facts.length > 0,
      faultError ? [faultError.message] : died.map((p) => `${p} died during the drill`),
    ),
    realOutcomes(name, records, kills),
    ...ctx.rows,
    ...(drill.check?.(ctx) ?? []),
    phantoms.row(name),
    await guarded(name, '2xx ⇒ applied, at most once', () => appliedOnce(name, records, client, probes)),
    await guarded(name, 'one treasury instruction per payment', () => oneInstructionPerPayment(name, records, probes)),
    await guarded(name, 'workflow state = read model', () => stateEqualsReadModel(name, records, client, probes)),
    await guarded(name, 'no ghost', () => noGhosts(name, all, probes, filedBefore)),
    await guarded(name, 'no stranded key', () => noStrandedKeys(name, params.leaseMs, probes)),
    no500(
      name,
      client.exchanges,
      ctx.windows.filter((w) => w.what === 'API down'),
    ),
  ];
  return rows;
}

/**
 * An invariant whose check could not run (e.g. the stack did not come back) is a FAIL row of its own, not the end of
 * the run.
 */
async function guarded(drill: string, invariant: string, check: () => Promise<Row>): Promise<Row> {
  try {
    return await check();
  } catch (error) {
    return row(drill, invariant, 'could not be checked', false, [(error as Error).message.split('\n')[0]]);
  }
}

/** Starts every process of the stack that is not running (after a fault that took more down than it meant to). */
async function heal(stack: DrillStack): Promise<void> {
  if (!stack.postgres.alive() || stack.postmasterPid() === undefined) await stack.restartPostgres();
  if (!stack.temporal.alive()) await stack.startTemporal();
  for (const [i, worker] of stack.workers.entries()) if (!worker.alive()) await stack.startWorker(i);
  for (const [i, api] of stack.apis.entries()) if (!api.alive()) await stack.startApi(i);
  if (stack.frontDoor && !stack.frontDoor.alive()) await stack.startFrontDoor();
}

/**
 * Every action of the stream reached its real outcome: applied (none refused, none left unresolved within the bound).
 */
function realOutcomes(drill: string, records: ActionRecord[], kills: number): Row {
  const by = (final: string): ActionRecord[] => records.filter((r) => r.final === final);
  const n202 = records.filter((r) => r.answered2xx === 202).length;
  const wrong = records.filter((r) => r.final !== 'applied');
  const resent = records.reduce((n, r) => n + r.lost, 0);
  const numbers =
    `${records.length} actions, ${kills} ${kills === 1 ? 'kill' : 'kills'}: ${by('applied').length} applied ` +
    `(${times(n202, '202')} resolved, ${resent} re-sent after ` +
    `404), ${by('refused').length} refused, ${by('unresolved').length} unresolved`;
  const evidence = wrong.map(
    (r) =>
      `${r.path} (key ${r.key}): ${r.final}, ` +
      `answers ${r.statuses.join(' ')}${r.refusal ? `, ${JSON.stringify(r.refusal)}` : ''}`,
  );
  return row(drill, 'every action: real outcome', numbers, records.length > 0 && wrong.length === 0, evidence);
}

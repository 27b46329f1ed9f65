import { midStream, postsInFlight, type Drill, type DrillContext } from './context';
import { filingsDuringPause, inFlightRetries, outageAnswers } from './drill-checks';
import { sleep, waitFor } from '../tooling/processes/managed-process';
import { seconds } from './report';
import type { DrillStack } from '../tooling/stacks/process-stack';

/** Kills `proc` with -9 and waits until it is gone; returns when it was killed. */
async function kill9(proc: DrillStack['worker']): Promise<number> {
  const at = Date.now();
  proc.kill9();
  await proc.exited();
  return at;
}

/**
 * A filing that arrives while a dependency is down (the stream's lanes may all be inside long waits then): it is
 * retried with its key until the stack serves again, so the outage is met by requests sent during it.
 */
async function newFiling(ctx: DrillContext, label: string): Promise<void> {
  await ctx.stream.file(label);
}

/** The five drills of issue 10 item 9, in the order they run on one stack. */
export const DRILLS: Drill[] = [
  {
    id: 'worker-kill',
    name: (p) => `1 worker kill -9 ×${p.workerKills}`,
    async fault(ctx) {
      for (let i = 0; i < ctx.params.workerKills; i += 1) {
        const inFlight = await midStream(ctx);
        const from = await kill9(ctx.stack.worker);
        await ctx.stack.startWorker(); // as a supervisor would: at once (it bundles the workflows first)
        ctx.windows.push({ what: 'worker down', from, to: Date.now() });
        ctx.facts.push(`kill ${i + 1}: ${inFlight} POST in flight, down ${seconds(Date.now() - from)}`);
      }
    },
  },
  {
    id: 'api-kill',
    name: () => '2 API kill -9 mid-request',
    async fault(ctx) {
      await midStream(ctx);
      await waitFor('two keyed POSTs in flight', () => postsInFlight(ctx.client) >= 2, 5_000, 2).catch(() => undefined);
      const keys = [...ctx.client.inFlight].flatMap((f) =>
        f.method === 'POST' && f.idempotencyKey ? [f.idempotencyKey] : [],
      );
      const from = await kill9(ctx.stack.api);
      await ctx.stack.startApi();
      const to = Date.now();
      ctx.windows.push({ what: 'API down', from, to });
      ctx.facts.push(`${keys.length} keyed POST in flight at the kill, API down ${seconds(to - from)}`);
      ctx.killedKeys = keys;
    },
    check: (ctx) => [inFlightRetries(ctx)],
  },
  {
    id: 'temporal-kill',
    name: (p) => `3 Temporal kill -9 (${seconds(p.temporalOutageMs)} down)`,
    async fault(ctx) {
      const inFlight = await midStream(ctx);
      const from = await kill9(ctx.stack.temporal);
      const arriving = newFiling(ctx, 'during-temporal-outage');
      await sleep(ctx.params.temporalOutageMs); // the outage itself: the stream keeps sending meanwhile
      // Answers are judged until the restart begins: from then on the server may answer (the API may see it first).
      ctx.windows.push({ what: 'Temporal down', from, to: Date.now() });
      await ctx.stack.startTemporal(); // same SQLite file, same search attributes
      const downMs = Date.now() - from;
      await arriving;
      ctx.facts.push(
        `${inFlight} POST in flight at the kill, Temporal down ${seconds(downMs)}, ` +
          `worker ${ctx.stack.worker.alive() ? 'survived' : 'DIED'}`,
      );
    },
    check: (ctx) => [outageAnswers(ctx, 'Temporal down', (e) => e.method === 'POST' || e.path.includes('/actions/'))],
  },
  {
    id: 'postgres-kill',
    name: (p) => `4 PostgreSQL kill -9 (${seconds(p.postgresOutageMs)} down)`,
    async fault(ctx) {
      const inFlight = await midStream(ctx);
      const killedAt = Date.now();
      await ctx.stack.killPostgres();
      const from = Date.now(); // the backends are gone too: nothing is served from here on
      const arriving = newFiling(ctx, 'during-postgres-outage');
      await sleep(ctx.params.postgresOutageMs - (from - killedAt));
      ctx.windows.push({ what: 'PostgreSQL down', from, to: Date.now() }); // judged until the restart begins
      await ctx.stack.restartPostgres(); // the same cluster: crash recovery
      const downMs = Date.now() - killedAt;
      await arriving;
      ctx.facts.push(
        `${inFlight} POST in flight at the kill, PostgreSQL down ${seconds(downMs)}, ` +
          `worker ${ctx.stack.worker.alive() ? 'survived' : 'DIED'}, ` +
          `API ${ctx.stack.api.alive() ? 'survived' : 'DIED'}`,
      );
    },
    // every endpoint the stream uses reads or writes PostgreSQL
    check: (ctx) => [outageAnswers(ctx, 'PostgreSQL down', () => true)],
  },
  {
    id: 'worker-stop',
    name: (p) => `5 worker kill -STOP ${seconds(p.pauseMs)}`,
    fault: filingsDuringPause,
  },
];

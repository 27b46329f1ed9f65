import { midStream, postsInFlight, type Drill, type DrillContext } from './context';
import { inFlightRetries } from './drill-checks';
import { DRILLS } from './drills';
import { waitFor } from '../tooling/processes/managed-process';
import { row, seconds, times } from './report';

/** How long the survivor has to show it serves alone: a few rounds of the stream. */
const SURVIVOR_BOUND_MS = 60_000;

/**
 * While one instance is down, the stream keeps applying actions through the other: waits until `rounds` further
 * actions were applied (one per lane each), and returns how many were applied meanwhile.
 */
async function servedMeanwhile(ctx: DrillContext, rounds = 2): Promise<number> {
  const mark = ctx.stream.applied();
  await waitFor(
    'the surviving instance to serve the stream',
    () => ctx.stream.applied() >= mark + rounds * ctx.params.lanes,
    SURVIVOR_BOUND_MS,
    20,
  );
  return ctx.stream.applied() - mark;
}

/**
 * The requests sent and answered while `what` held — how many, how many 2xx, how many with no answer at all — and how
 * many answers in that time were 502 `upstream_lost`.
 */
function answersDuring(ctx: DrillContext, what: string): { all: number; ok: number; none: number; lost: number } {
  const window = ctx.windows.find((w) => w.what === what);
  const ended = ctx.client.exchanges.filter((e) => window && e.endedAt >= window.from && e.endedAt <= window.to);
  const inside = ended.filter((e) => window && e.startedAt >= window.from);
  return {
    all: inside.length,
    ok: inside.filter((e) => e.status >= 200 && e.status < 300).length,
    none: inside.filter((e) => e.status === 0).length,
    // the requests the killed instance held were sent before the kill
    lost: ended.filter((e) => e.status === 502 && e.code === 'upstream_lost').length,
  };
}

/**
 * The drills of issue 12 item 2 on `npm run cluster`'s topology (two workers, two API instances behind the front
 * door, the Temporal server on PostgreSQL): one worker killed while the other keeps serving, one API instance
 * killed mid-request while the other answers, and the Temporal server killed and restarted mid-life. The invariants
 * of every drill (applied once, one treasury instruction per payment, state = read model, …) are judged as in dev.
 */
export const CLUSTER_DRILLS: Drill[] = [
  {
    id: 'cworker-kill',
    name: () => '1 worker-1 kill -9, worker-2 serves',
    async fault(ctx) {
      const inFlight = await midStream(ctx);
      const from = Date.now();
      ctx.stack.workers[0].kill9();
      await ctx.stack.workers[0].exited();
      const applied = await servedMeanwhile(ctx);
      ctx.windows.push({ what: 'worker-1 down', from, to: Date.now() });
      ctx.facts.push(
        `${inFlight} POST in flight at the kill; ${applied} actions applied by worker-2 alone in ` +
          `${seconds(Date.now() - from)}`,
      );
      await ctx.stack.startWorker(0);
    },
    check: (ctx) => {
      const seen = answersDuring(ctx, 'worker-1 down');
      return [
        row(
          ctx.stream.drill,
          'the other worker kept serving',
          `${seen.all} answers while worker-1 was down: ${times(seen.ok, '2xx')}`,
          seen.ok > 0,
          seen.ok > 0 ? [] : ['nothing was applied while worker-1 was down'],
        ),
      ];
    },
  },
  {
    id: 'capi-kill',
    name: () => '2 api-1 kill -9 mid-request, api-2 answers',
    async fault(ctx) {
      await midStream(ctx);
      await waitFor('two keyed POSTs in flight', () => postsInFlight(ctx.client) >= 2, 5_000, 2).catch(() => undefined);
      ctx.killedKeys = [...ctx.client.inFlight].flatMap((f) =>
        f.method === 'POST' && f.idempotencyKey ? [f.idempotencyKey] : [],
      );
      const from = Date.now();
      ctx.stack.apis[0].kill9();
      await ctx.stack.apis[0].exited();
      const applied = await servedMeanwhile(ctx);
      ctx.windows.push({ what: 'API down', from, to: Date.now() });
      ctx.facts.push(
        `${ctx.killedKeys.length} keyed POST in flight at the kill; ${applied} actions applied through api-2 ` +
          `alone in ${seconds(Date.now() - from)}`,
      );
      await ctx.stack.startApi(0);
    },
    check: (ctx) => {
      const seen = answersDuring(ctx, 'API down');
      return [
        inFlightRetries(ctx),
        row(
          ctx.stream.drill,
          'the front door kept answering',
          `${seen.all} answers while api-1 was down: ${times(seen.ok, '2xx')}, ` +
            `${times(seen.lost, '502 upstream_lost')} (in flight at the kill), ${seen.none} without an answer`,
          seen.ok > 0 && seen.none === 0,
          seen.none > 0 ? [`${seen.none} requests got no answer from the front door`] : [],
        ),
      ];
    },
  },
  { ...(DRILLS.find((d) => d.id === 'temporal-kill') as Drill), id: 'ctemporal-kill' },
];

import type { ApiClient } from './api-client';
import { waitFor } from '../tooling/processes/managed-process';
import type { Probes } from './probes';
import type { Row } from './report';
import type { DrillStack } from '../tooling/stacks/process-stack';
import type { ActionStream } from './stream';

/** The sizes of a run: the full drills (`npm run drills`) or the short ones (CI, `--short`, ≤ ~90 s). */
export interface DrillParams {
  lanes: number;
  workerKills: number;
  temporalOutageMs: number;
  postgresOutageMs: number;
  pauseMs: number;
  pauseFilings: number;
  actionBoundMs: number;
  updateWaitMs: number;
  leaseMs: number;
}

/**
 * A short UPDATE_WAIT_MS and lease (issue 10 item 9: "set it short in the drill"), so waits and take-overs happen
 * within a drill.
 */
const API_TUNING = { updateWaitMs: 1_500, leaseMs: 2_000 };
/** `npm run drills`: the sizes issue 10 item 9 names (two worker kills, PostgreSQL down 30 s). */
export const FULL: DrillParams = {
  lanes: 6,
  workerKills: 2,
  temporalOutageMs: 10_000,
  postgresOutageMs: 30_000,
  pauseMs: 15_000,
  pauseFilings: 8,
  actionBoundMs: 180_000,
  ...API_TUNING,
};
/**
 * `npm run drills -- --short` and test/heavy/fault-drills.test.ts: one worker kill, PostgreSQL down ~8 s; about a
 * minute.
 */
export const SHORT: DrillParams = {
  lanes: 3,
  workerKills: 1,
  temporalOutageMs: 3_000,
  postgresOutageMs: 8_000,
  pauseMs: 4_000,
  pauseFilings: 4,
  actionBoundMs: 90_000,
  ...API_TUNING,
};

/** When an injected fault held (a process down or paused). */
export interface FaultWindow {
  what: string;
  from: number;
  to: number;
}

/** What a drill's fault sees and leaves for its rows. */
export interface DrillContext {
  stack: DrillStack;
  client: ApiClient;
  stream: ActionStream;
  probes: Probes;
  params: DrillParams;
  /** When each injected fault held, for the rows that judge the answers given inside it. */
  windows: FaultWindow[];
  /** What the fault did, in words, for the "fault injected" row. */
  facts: string[];
  /** Rows the fault judges itself (what can be seen only while the fault holds). */
  rows: Row[];
  /** Drill 2: the Idempotency-Keys of the POSTs in flight when the API was killed. */
  killedKeys: string[];
}

/** One fault drill: its name in the table, the fault it injects while the stream runs, its own rows once settled. */
export interface Drill {
  /** A short ASCII id: it prefixes the drill's Idempotency-Keys and park names. */
  id: string;
  name: (params: DrillParams) => string;
  fault: (ctx: DrillContext) => Promise<void>;
  check?: (ctx: DrillContext) => Row[];
}

/** POST requests the drill's client is waiting on. */
export const postsInFlight = (client: ApiClient): number =>
  [...client.inFlight].filter((f) => f.method === 'POST').length;

/**
 * Waits until the stream has applied `more` further actions and has a POST in flight, so the fault hits live
 * work; returns how many POSTs were in flight.
 */
export async function midStream(ctx: DrillContext, more = ctx.params.lanes): Promise<number> {
  const mark = ctx.stream.applied();
  await waitFor('the stream to make progress', () => ctx.stream.applied() >= mark + more, 60_000, 20);
  return waitFor('a POST in flight', () => postsInFlight(ctx.client) || undefined, 10_000, 5);
}

import type { DueEvent } from './schedule';

/**
 * Once the reporting-year boundary has passed, a run fires at most this many more due events before it continues as
 * new; the rest carry over to the next run with the state (issue 13: a backlog of due reminders — a worker that fell
 * behind, a deadline storm — never starves the boundary, so no run grows without bound).
 */
export const BACKLOG_BATCH_AT_YEAR_END = 16;

/** What a case's run does next: fire a due event, end the run at the year boundary, or wait (a time or a change). */
export type RunStep = { kind: 'fire'; due: DueEvent } | { kind: 'continue-as-new' } | { kind: 'wait'; until?: string };

/** Where the run stands. */
export interface RunPosition {
  /** The next due event of the schedule, if any. */
  due: DueEvent | undefined;
  /** Policy now. */
  now: string;
  /** The reporting-year boundary that ends this run (yearly stages only). */
  yearEnd: string | undefined;
  /** Due events fired since the boundary passed. */
  firedPastYearEnd: number;
  /** False for runs begun before the batch bound (they fire every due event first, as they did). */
  boundedBacklog: boolean;
}

/** The run's next step: due events first, the year boundary once they are done — or once a batch of them is. */
export function nextRunStep({ due, now, yearEnd, firedPastYearEnd, boundedBacklog }: RunPosition): RunStep {
  const yearPassed = yearEnd !== undefined && yearEnd <= now;
  const batchDone = boundedBacklog && yearPassed && firedPastYearEnd >= BACKLOG_BATCH_AT_YEAR_END;
  if (due && due.at <= now && !batchDone) return { kind: 'fire', due };
  if (yearPassed) return { kind: 'continue-as-new' };
  const until = [due?.at, yearEnd].filter((t): t is string => t !== undefined).sort()[0];
  return { kind: 'wait', until };
}

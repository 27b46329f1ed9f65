import type { DueEvent } from './schedule';

/**
 * Once the reporting-year boundary has passed, a run fires at most this many more due events before it continues as
 * new; the rest carry over to the next run with the state (issue 13: a backlog of due reminders — a worker that fell
 * behind, a deadline storm — never starves the boundary, so no run grows without bound).
 */
export const BACKLOG_BATCH_AT_YEAR_END = 16;

/**
 * What a case's run does next: fire a due event, continue as new — at the reporting-year boundary, or within the year
 * when Temporal suggests it (a long history) — or wait (a time or a change).
 */
export type RunStep =
  | { kind: 'fire'; due: DueEvent }
  | { kind: 'continue-as-new'; sameReportingYear: boolean }
  | { kind: 'wait'; until?: string };

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
  /** Temporal suggests a new run (`workflowInfo().continueAsNewSuggested`: the history grew long). */
  newRunSuggested: boolean;
}

/**
 * The run's next step: due events first, the year boundary once they are done — or once a batch of them is; a
 * suggested new run only when the case would otherwise wait (never between a boundary and its year's first change).
 */
export function nextRunStep({ due, now, yearEnd, firedPastYearEnd, newRunSuggested }: RunPosition): RunStep {
  const yearPassed = yearEnd !== undefined && yearEnd <= now;
  const batchDone = yearPassed && firedPastYearEnd >= BACKLOG_BATCH_AT_YEAR_END;
  if (due && due.at <= now && !batchDone) return { kind: 'fire', due };
  if (yearPassed) return { kind: 'continue-as-new', sameReportingYear: false };
  if (newRunSuggested) return { kind: 'continue-as-new', sameReportingYear: true };
  const until = [due?.at, yearEnd].filter((t): t is string => t !== undefined).sort()[0];
  return { kind: 'wait', until };
}

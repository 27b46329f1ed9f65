import { condition, workflowInfo } from '@temporalio/workflow';
import { FINAL_STAGES, YEARLY_STAGES, type CaseSnapshot } from '../definitions/case';
import { nextYearStart } from '../definitions/civil-date';
import type { Context } from '../lifecycle/outcome';
import { nextRunStep, type RunStep } from '../lifecycle/run-step';
import { nextDueEvent, type DueEvent } from '../lifecycle/schedule';

/** What the schedule loop needs of the case. */
export interface ScheduledCase {
  readonly state: CaseSnapshot;
  context(): Context;
  /** Workflow-time milliseconds until the policy instant `policyIso`. */
  msUntil(policyIso: string): number;
  /** Fires one due event: its change is applied and committed. */
  fire(due: DueEvent): void;
  /** Whether every change committed so far is written (the recorder's queue is empty). */
  recorded(): boolean;
  /** Whether a newer holiday arrangement was announced; {@link refreshCalendar} reads it. */
  calendarStale(): boolean;
  refreshCalendar(): Promise<void>;
}

/** How the schedule loop ended: the case reached a final stage, or its run continues as new. */
export type LoopEnd = { kind: 'final' } | Extract<RunStep, { kind: 'continue-as-new' }>;

/**
 * The case's timed life within one run (lifecycle/schedule.ts, lifecycle/run-step.ts): fires what is due, waits for
 * the next due instant, a change (an officer's action, a moved clock) or a newer calendar, and ends at a final stage,
 * at the reporting-year boundary (yearly stages) or when Temporal suggests a new run.
 */
export async function runSchedule(c: ScheduledCase): Promise<LoopEnd> {
  /** The reporting-year boundary that ends this run, fixed when the run first reaches a yearly stage. */
  let runYearEnd: string | undefined;
  let firedPastYearEnd = 0;
  while (!FINAL_STAGES.includes(c.state.stage)) {
    if (c.calendarStale()) {
      await c.refreshCalendar();
      continue;
    }
    const ctx = c.context();
    const due = nextDueEvent(c.state, ctx);
    const yearly = YEARLY_STAGES.includes(c.state.stage);
    // The year of the change that made (or found) the case yearly, not of the loop's first look: under load (or
    // compressed time) that look can come after a boundary the run must end at.
    if (yearly) runYearEnd ??= nextYearStart(c.state.updatedAt);
    const yearEnd = yearly ? runYearEnd : undefined;
    const newRunSuggested = workflowInfo().continueAsNewSuggested;
    const step = nextRunStep({ due, now: ctx.now, yearEnd, firedPastYearEnd, newRunSuggested });
    if (step.kind === 'continue-as-new') return step;
    if (step.kind === 'fire') {
      // One due event per written change: a backlog (a worker that lagged) fires event by event, each at its own
      // instant once the one before is written — never a burst of notices issued at one moment. The state may
      // have changed meanwhile (an officer's report makes a reminder moot): the next step is decided again.
      if (!c.recorded()) {
        await condition(() => c.recorded());
        continue;
      }
      if (yearEnd && yearEnd <= ctx.now) firedPastYearEnd += 1;
      c.fire(step.due);
      continue;
    }
    const seen = c.state.version;
    const woken = () => c.state.version !== seen || c.calendarStale();
    if (step.until) {
      const summary = due?.at === step.until ? `${due.series.key} #${due.index + 1}` : 'reporting-year boundary';
      // At least 1 ms: condition() treats a 0 timeout as "no timeout".
      await condition(woken, Math.max(1, c.msUntil(step.until)), { summary });
    } else {
      await condition(woken);
    }
  }
  return { kind: 'final' };
}

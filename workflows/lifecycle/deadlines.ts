import type { CaseSnapshot, Deadline, DeadlineKind } from '../definitions/case';
import { effectiveDeadline } from './calendar';
import { resubmissionDueAt } from './intake';
import { inFlight } from './payments';
import { reportDueAt, unreportedYears } from './reports';
import type { ScheduleContext } from './schedule';

/**
 * The deadlines the case is waiting on, earliest first (api-contract `deadlines[]`: `dueDate` and `dueAt`, R-CAL-1),
 * each moved off rest days by the case's calendar (R-CAL-3: `shiftedFrom` and `reason` say from which day and why,
 * `calendarVersion` which holiday data decided it, `provisional` when its year's arrangement is not published).
 */
export function deadlinesOf(state: CaseSnapshot, ctx: ScheduleContext): Deadline[] {
  const deadline = (kind: DeadlineKind, nominalDueAt: string): Deadline => {
    const { dueAt, dueDate, shiftedFrom, reason, provisional } = effectiveDeadline(ctx, nominalDueAt);
    const shift = shiftedFrom ? { shiftedFrom, reason } : {};
    return {
      kind,
      dueAt,
      dueDate,
      ...shift,
      ...(provisional && { provisional }),
      calendarVersion: ctx.calendar.version,
    };
  };
  const deadlines: Deadline[] = [];
  if (state.stage === 'returned' && state.returnedAt)
    deadlines.push(deadline('resubmission', resubmissionDueAt(state.returnedAt, ctx)));
  if (state.stage === 'under_review' && state.panel && !state.reviewSummary)
    deadlines.push(deadline('review', state.panel.reviewDueAt));
  for (const payment of inFlight(state)) deadlines.push(deadline('payment_confirmation', payment.confirmBy));
  // R-RPT-5: a revoked park's reports of the years before its revocation year stay due until the case closes.
  if (state.stage === 'designated' || state.stage === 'rectifying' || state.stage === 'revoked') {
    for (const year of unreportedYears(state, ctx.now))
      deadlines.push(deadline('annual_report', reportDueAt(year, ctx.policy)));
  }
  if (state.stage === 'designated' && state.nextEvaluationDue)
    deadlines.push(deadline('evaluation', state.nextEvaluationDue));
  if (state.stage === 'rectifying' && state.rectifyBy) deadlines.push(deadline('rectification', state.rectifyBy));
  const demand = state.refundDemand;
  if (state.stage === 'revoked' && demand && (demand.status === 'open' || demand.status === 'escalated'))
    deadlines.push(deadline('refund', demand.dueAt));
  return deadlines.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

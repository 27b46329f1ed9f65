import type { CaseSnapshot, Deadline } from '../definitions/case';
import type { PolicyConfig } from '../definitions/policy';
import { resubmissionDueAt } from './intake';
import { reportDueAt, unreportedYears } from './reports';

/** The deadlines the case is waiting on, earliest first (api-contract `deadlines[]`). */
export function deadlinesOf(state: CaseSnapshot, policy: PolicyConfig, now: string): Deadline[] {
  const deadlines: Deadline[] = [];
  if (state.stage === 'returned' && state.returnedAt) deadlines.push({ kind: 'resubmission', dueAt: resubmissionDueAt(state.returnedAt, policy) });
  if (state.stage === 'under_review' && state.panel && !state.reviewSummary) deadlines.push({ kind: 'review', dueAt: state.panel.reviewDueAt });
  for (const payment of state.payments) if (payment.status === 'instructed') deadlines.push({ kind: 'payment_confirmation', dueAt: payment.confirmBy });
  if (state.stage === 'designated' || state.stage === 'rectifying') {
    for (const year of unreportedYears(state, now)) deadlines.push({ kind: 'annual_report', dueAt: reportDueAt(year, policy) });
  }
  if (state.stage === 'designated' && state.nextEvaluationDue) deadlines.push({ kind: 'evaluation', dueAt: state.nextEvaluationDue });
  if (state.stage === 'rectifying' && state.rectifyBy) deadlines.push({ kind: 'rectification', dueAt: state.rectifyBy });
  if (state.stage === 'revoked' && state.refundDemand && state.refundDemand.status !== 'settled') deadlines.push({ kind: 'refund', dueAt: state.refundDemand.dueAt });
  return deadlines.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

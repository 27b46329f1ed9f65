import type { CaseSnapshot } from '../definitions/case';
import { invalidInput } from '../definitions/failures';
import type { EvaluationRequest, RefundPaymentRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import { addPolicyDays, addPolicyYears } from '../policy-time';
import { outcome, type Context, type Outcome } from './outcome';
import { totalPaid } from './payments';
import { overdueReportYears } from './reports';

/** The findings put before the evaluator (§5.3): report findings plus every missed report so far. */
export function findingsForEvaluation(state: CaseSnapshot, ctx: Context) {
  const missed = overdueReportYears(state, ctx.now, ctx.policy).map((year) => ({ rule: 'R-RPT-1', year, message: `the report for ${year} was not submitted` }));
  return [...state.findings, ...missed];
}

export function validateEvaluation(state: CaseSnapshot, request: EvaluationRequest, ctx: Context): void {
  assertStage('evaluation', state);
  if (!request.findings?.trim()) throw invalidInput('findings', 'the evaluation states its findings', 'R-EVL-1');
  if (request.outcome === 'rectify') {
    if (!request.rectifyBy || Number.isNaN(Date.parse(request.rectifyBy))) throw invalidInput('rectifyBy', 'a rectification order needs a deadline (ISO date)', 'R-EVL-1');
    if (new Date(request.rectifyBy).toISOString() <= ctx.now) throw invalidInput('rectifyBy', 'the rectification deadline must be in the future', 'R-EVL-1');
  }
  if (request.refundAmount !== undefined) {
    if (request.outcome !== 'revoke') throw invalidInput('refundAmount', 'a refund is ordered only on revocation', 'R-REF-1');
    const paid = totalPaid(state);
    if (!Number.isInteger(request.refundAmount) || request.refundAmount <= 0 || request.refundAmount > paid) {
      throw invalidInput('refundAmount', `a refund is a positive integer no larger than the ${paid} CNY paid`, 'R-REF-1');
    }
  }
}

/** §5.3 R-EVL-1: renew (next period), rectify (deadline, then re-evaluation) or revoke (refund demand, R-REF-1). */
export function applyEvaluation(state: CaseSnapshot, request: EvaluationRequest, ctx: Context): Outcome {
  const reportFindings = findingsForEvaluation(state, ctx);
  const rectifyBy = request.rectifyBy ? new Date(request.rectifyBy).toISOString() : undefined;
  state.evaluations.push({
    outcome: request.outcome,
    findings: request.findings,
    decidedAt: ctx.now,
    reportFindings,
    ...(rectifyBy ? { rectifyBy } : {}),
    ...(request.refundAmount !== undefined ? { refundAmount: request.refundAmount } : {}),
  });
  state.updatedAt = ctx.now;
  const details = { outcome: request.outcome, findingsBeforeEvaluator: reportFindings.length };
  if (request.outcome === 'renew') {
    state.stage = 'designated';
    state.rectifyBy = null;
    state.nextEvaluationDue = addPolicyYears(state.nextEvaluationDue ?? ctx.now, ctx.policy.evaluationIntervalYears);
    return outcome('evaluated_renew', { ...details, nextEvaluationDue: state.nextEvaluationDue });
  }
  if (request.outcome === 'rectify') {
    state.stage = 'rectifying';
    state.rectifyBy = rectifyBy!;
    return outcome('evaluated_rectify', { ...details, rectifyBy });
  }
  state.stage = request.refundAmount ? 'revoked' : 'closed';
  state.nextEvaluationDue = null;
  state.rectifyBy = null;
  if (request.refundAmount) {
    state.refundDemand = { amount: request.refundAmount, paidAmount: 0, dueAt: addPolicyDays(ctx.now, ctx.policy.refundWindowDays), status: 'open', payments: [] };
  }
  return outcome('evaluated_revoke', { ...details, refundAmount: request.refundAmount ?? 0, refundDueAt: state.refundDemand?.dueAt });
}

export function validateRefundPayment(state: CaseSnapshot, request: RefundPaymentRequest): void {
  assertStage('refundPayment', state);
  const demand = state.refundDemand;
  if (!demand || demand.status === 'settled') throw invalidInput('amount', 'there is no open refund demand', 'R-REF-1');
  const outstanding = demand.amount - demand.paidAmount;
  if (!Number.isInteger(request.amount) || request.amount <= 0 || request.amount > outstanding) {
    throw invalidInput('amount', `a refund payment is a positive integer up to the ${outstanding} CNY outstanding`, 'R-REF-1');
  }
  if (!request.bankReference?.trim()) throw invalidInput('bankReference', 'the bank reference is required', 'R-REF-1');
  if (Number.isNaN(Date.parse(request.paidAt))) throw invalidInput('paidAt', 'must be an ISO date', 'R-REF-1');
}

/** R-REF-1: finance confirms a (partial) refund; the full amount settles the demand and closes the case. */
export function applyRefundPayment(state: CaseSnapshot, request: RefundPaymentRequest, ctx: Context): Outcome {
  const demand = state.refundDemand!;
  demand.payments.push({ amount: request.amount, paidAt: request.paidAt, bankReference: request.bankReference });
  demand.paidAmount += request.amount;
  state.updatedAt = ctx.now;
  if (demand.paidAmount === demand.amount) {
    demand.status = 'settled';
    state.stage = 'closed';
  }
  return outcome('refund_received', { amount: request.amount, paidAmount: demand.paidAmount, status: demand.status });
}

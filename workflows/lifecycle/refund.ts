import type { CaseSnapshot } from '../definitions/case';
import type { RefundPaymentRequest, RefundWriteOffRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import { outcome, type Context, type Outcome } from './outcome';
import { assertDocumentsOnCase } from './documents';
import { refuse } from './refusals';
import { closeIfSettled } from './payments';
import { openRefundDemand } from '../definitions/allowed-actions';

export function validateRefundPayment(state: CaseSnapshot, request: RefundPaymentRequest): void {
  assertStage('refundPayment', state);
  const demand = openRefundDemand(state);
  if (!demand) throw refuse('amount', 'R-REF-1', 'rules.refusals.noOpenRefundDemand');
  const outstanding = demand.amount - demand.paidAmount;
  if (!Number.isInteger(request.amount) || request.amount <= 0 || request.amount > outstanding)
    throw refuse('amount', 'R-REF-1', 'rules.refusals.refundPaymentOutOfRange', { outstanding });
  if (!request.bankReference?.trim()) throw refuse('bankReference', 'R-REF-1', 'rules.refusals.bankReferenceRequired');
  if (Number.isNaN(Date.parse(request.paidAt))) throw refuse('paidAt', 'R-REF-1', 'rules.refusals.notAnIsoDate');
  assertDocumentsOnCase(state, request.documentIds, 'documentIds');
}

/** R-REF-1: finance confirms a (partial) refund; the full amount settles the demand, and the case closes (R-PAY-1). */
export function applyRefundPayment(state: CaseSnapshot, request: RefundPaymentRequest, ctx: Context): Outcome {
  const demand = state.refundDemand!;
  const { amount, paidAt, bankReference, documentIds } = request;
  demand.payments.push({
    amount,
    paidAt,
    bankReference,
    ...(documentIds?.length && { documentIds: [...documentIds] }),
  });
  demand.paidAmount += request.amount;
  state.updatedAt = ctx.now;
  let closed = {};
  if (demand.paidAmount === demand.amount) {
    demand.status = 'settled';
    closed = closeIfSettled(state, ctx.now);
  }
  const details = { amount: request.amount, paidAmount: demand.paidAmount, status: demand.status };
  return outcome('refund_received', { ...details, ...closed });
}

export function validateRefundWriteOff(state: CaseSnapshot, request: RefundWriteOffRequest): void {
  assertStage('refundWriteOff', state);
  const demand = openRefundDemand(state);
  if (!demand) throw refuse('reason', 'R-PAY-1', 'rules.refusals.noRefundDemandToWriteOff');
  if (demand.status !== 'escalated')
    throw refuse('reason', 'R-PAY-1', 'rules.refusals.writeOffBeforeEscalation', { dueAt: demand.dueAt });
  if (!request.reason?.trim()) throw refuse('reason', 'R-PAY-1', 'rules.refusals.writeOffReasonRequired');
}

/**
 * R-PAY-1: the municipal bureau writes off the unpaid rest of an escalated demand; the case closes once nothing is in
 * flight.
 */
export function applyRefundWriteOff(state: CaseSnapshot, request: RefundWriteOffRequest, ctx: Context): Outcome {
  const demand = state.refundDemand!;
  const amount = demand.amount - demand.paidAmount;
  demand.status = 'written_off';
  demand.writeOff = { amount, reason: request.reason.trim(), at: ctx.now, by: request.actor.id };
  state.updatedAt = ctx.now;
  const closed = closeIfSettled(state, ctx.now);
  return outcome('refund_written_off', { amount, reason: demand.writeOff.reason, stage: state.stage, ...closed });
}

import type { CaseSnapshot } from '../definitions/case';
import { invalidInput } from '../definitions/failures';
import type { RefundPaymentRequest, RefundWriteOffRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import { outcome, type Context, type Outcome } from './outcome';
import { closeIfSettled } from './payments';

/** The demand refunds can still be paid against: ordered, neither settled nor written off. */
function openDemand(state: CaseSnapshot) {
  const demand = state.refundDemand;
  return demand && (demand.status === 'open' || demand.status === 'escalated') ? demand : undefined;
}

export function validateRefundPayment(state: CaseSnapshot, request: RefundPaymentRequest): void {
  assertStage('refundPayment', state);
  const demand = openDemand(state);
  if (!demand) throw invalidInput('amount', 'there is no open refund demand', 'R-REF-1');
  const outstanding = demand.amount - demand.paidAmount;
  if (!Number.isInteger(request.amount) || request.amount <= 0 || request.amount > outstanding) {
    throw invalidInput(
      'amount',
      `a refund payment is a positive integer up to the ${outstanding} CNY outstanding`,
      'R-REF-1',
    );
  }
  if (!request.bankReference?.trim()) throw invalidInput('bankReference', 'the bank reference is required', 'R-REF-1');
  if (Number.isNaN(Date.parse(request.paidAt))) throw invalidInput('paidAt', 'must be an ISO date', 'R-REF-1');
}

/** R-REF-1: finance confirms a (partial) refund; the full amount settles the demand, and the case closes (R-PAY-1). */
export function applyRefundPayment(state: CaseSnapshot, request: RefundPaymentRequest, ctx: Context): Outcome {
  const demand = state.refundDemand!;
  demand.payments.push({ amount: request.amount, paidAt: request.paidAt, bankReference: request.bankReference });
  demand.paidAmount += request.amount;
  state.updatedAt = ctx.now;
  if (demand.paidAmount === demand.amount) {
    demand.status = 'settled';
    if (ctx.civil) closeIfSettled(state);
    else state.stage = 'closed';
  }
  return outcome('refund_received', { amount: request.amount, paidAmount: demand.paidAmount, status: demand.status });
}

export function validateRefundWriteOff(state: CaseSnapshot, request: RefundWriteOffRequest): void {
  assertStage('refundWriteOff', state);
  const demand = openDemand(state);
  if (!demand) throw invalidInput('reason', 'there is no open refund demand to write off', 'R-PAY-1');
  if (demand.status !== 'escalated') {
    throw invalidInput(
      'reason',
      `the refund demand is written off only once escalated, after its deadline ${demand.dueAt}`,
      'R-PAY-1',
    );
  }
  if (!request.reason?.trim()) throw invalidInput('reason', 'a write-off states its reason', 'R-PAY-1');
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
  closeIfSettled(state);
  return outcome('refund_written_off', { amount, reason: demand.writeOff.reason, stage: state.stage });
}

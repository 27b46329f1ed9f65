import type { CaseSnapshot, Payment } from '../definitions/case';
import { invalidInput } from '../definitions/failures';
import type { PaymentConfirmationRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import { outcome, type Context, type Outcome } from './outcome';

/** Payments instructed to the treasury and not yet confirmed by finance: money in flight (R-PAY-1). */
export const inFlight = (state: CaseSnapshot): Payment[] => state.payments.filter((p) => p.status === 'instructed');

/**
 * R-PAY-1: a revoked case closes when no payment awaits confirmation and its refund demand (if any) is settled or
 * written off.
 */
export function closeIfSettled(state: CaseSnapshot): void {
  const demand = state.refundDemand;
  const demandDone = !demand || demand.status === 'settled' || demand.status === 'written_off';
  if (state.stage === 'revoked' && demandDone && inFlight(state).length === 0) state.stage = 'closed';
}

/**
 * R-PAY-1: a refund demand may not exceed the subsidy tranches paid plus in flight (the incubation grant is not
 * refunded).
 */
export const refundCeiling = (state: CaseSnapshot): number =>
  state.payments.filter((p) => p.kind !== 'incubation_grant').reduce((sum, p) => sum + p.amount, 0);

export function validatePaymentConfirmation(state: CaseSnapshot, request: PaymentConfirmationRequest): void {
  assertStage('confirmPayment', state);
  const payment = state.payments.find((p) => p.paymentId === request.paymentId);
  if (!payment) throw invalidInput('paymentId', `case ${state.caseId} has no payment ${request.paymentId}`, '§5.2');
  if (payment.status === 'paid')
    throw invalidInput(
      'paymentId',
      `payment ${request.paymentId} is already confirmed; no payment is made twice`,
      '§5.2',
    );
  if (!request.bankReference?.trim()) throw invalidInput('bankReference', 'the bank reference is required', '§5.2');
  if (Number.isNaN(Date.parse(request.paidAt))) throw invalidInput('paidAt', 'must be an ISO date', '§5.2');
}

/** §5.2: finance confirms the treasury paid a disbursement; on a revoked case the last one may close it (R-PAY-1). */
export function applyPaymentConfirmation(
  state: CaseSnapshot,
  request: PaymentConfirmationRequest,
  ctx: Context,
): Outcome {
  const payment = state.payments.find((p) => p.paymentId === request.paymentId)!;
  payment.status = 'paid';
  payment.paidAt = request.paidAt;
  payment.bankReference = request.bankReference;
  state.updatedAt = ctx.now;
  if (ctx.civil) closeIfSettled(state);
  return outcome('payment_confirmed', {
    paymentId: payment.paymentId,
    kind: payment.kind,
    amount: payment.amount,
    bankReference: request.bankReference,
    stage: state.stage,
  });
}

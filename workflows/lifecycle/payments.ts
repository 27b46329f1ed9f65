import type { CaseSnapshot, Payment } from '../definitions/case';
import type { PaymentConfirmationRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import { outcome, type Context, type Outcome } from './outcome';
import { refuse } from './refusals';
import { unreportedYears } from './reports';

/** Payments instructed to the treasury and not yet confirmed by finance: money in flight (R-PAY-1). */
export const inFlight = (state: CaseSnapshot): Payment[] => state.payments.filter((p) => p.status === 'instructed');

/**
 * R-PAY-1: a revoked case closes when no payment awaits confirmation and its refund demand (if any) is settled or
 * written off. R-RPT-5: closing ends the reports still due; returns, for the history, the years never filed.
 */
export function closeIfSettled(state: CaseSnapshot, now: string): { reportsNeverFiled?: number[] } {
  const demand = state.refundDemand;
  const demandDone = !demand || demand.status === 'settled' || demand.status === 'written_off';
  if (state.stage !== 'revoked' || !demandDone || inFlight(state).length > 0) return {};
  state.stage = 'closed';
  const neverFiled = unreportedYears(state, now);
  return neverFiled.length > 0 ? { reportsNeverFiled: neverFiled } : {};
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
  const { paymentId } = request;
  if (!payment) throw refuse('paymentId', '§5.2', 'rules.refusals.unknownPayment', { caseId: state.caseId, paymentId });
  if (payment.status === 'paid')
    throw refuse('paymentId', '§5.2', 'rules.refusals.paymentAlreadyConfirmed', { paymentId });
  if (!request.bankReference?.trim()) throw refuse('bankReference', '§5.2', 'rules.refusals.bankReferenceRequired');
  if (Number.isNaN(Date.parse(request.paidAt))) throw refuse('paidAt', '§5.2', 'rules.refusals.notAnIsoDate');
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
  const closed = closeIfSettled(state, ctx.now);
  return outcome('payment_confirmed', {
    paymentId: payment.paymentId,
    kind: payment.kind,
    amount: payment.amount,
    bankReference: request.bankReference,
    stage: state.stage,
    ...closed,
  });
}

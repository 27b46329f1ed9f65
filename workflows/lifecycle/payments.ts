import type { CaseSnapshot } from '../definitions/case';
import { invalidInput } from '../definitions/failures';
import type { PaymentConfirmationRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import { outcome, type Context, type Outcome } from './outcome';

export function validatePaymentConfirmation(state: CaseSnapshot, request: PaymentConfirmationRequest): void {
  assertStage('confirmPayment', state);
  const payment = state.payments.find((p) => p.paymentId === request.paymentId);
  if (!payment) throw invalidInput('paymentId', `case ${state.caseId} has no payment ${request.paymentId}`, '§5.2');
  if (payment.status === 'paid') throw invalidInput('paymentId', `payment ${request.paymentId} is already confirmed; no payment is made twice`, '§5.2');
  if (!request.bankReference?.trim()) throw invalidInput('bankReference', 'the bank reference is required', '§5.2');
  if (Number.isNaN(Date.parse(request.paidAt))) throw invalidInput('paidAt', 'must be an ISO date', '§5.2');
}

/** §5.2: finance confirms the treasury paid a disbursement. */
export function applyPaymentConfirmation(state: CaseSnapshot, request: PaymentConfirmationRequest, ctx: Context): Outcome {
  const payment = state.payments.find((p) => p.paymentId === request.paymentId)!;
  payment.status = 'paid';
  payment.paidAt = request.paidAt;
  payment.bankReference = request.bankReference;
  state.updatedAt = ctx.now;
  return outcome('payment_confirmed', { paymentId: payment.paymentId, kind: payment.kind, amount: payment.amount, bankReference: request.bankReference });
}

/** Total disbursed and confirmed as paid: the ceiling of a refund demand (R-REF-1). */
export const totalPaid = (state: CaseSnapshot): number => state.payments.filter((p) => p.status === 'paid').reduce((sum, p) => sum + p.amount, 0);

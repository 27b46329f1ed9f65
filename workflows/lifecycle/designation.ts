import type { CaseSnapshot, Payment, PaymentKind } from '../definitions/case';
import type { DesignationRequest, IncubationBaseRequest } from '../definitions/messages';
import type { PolicyConfig } from '../definitions/policy';
import { assertStage } from '../case-stages';
import { chongqingYear, civilDateOf, deadlineDaysAfter, deadlineYearsAfter, partsOf } from '../definitions/civil-date';
import { assertObjectionsAnswered } from './department-opinions';
import { outcome, type Context, type Outcome } from './outcome';
import { refuse } from './refusals';

/** A new disbursement, instructed now and awaiting finance's confirmation (§5.2). */
export function newPayment(state: CaseSnapshot, kind: PaymentKind, amount: number, ctx: Context): Payment {
  return {
    paymentId: `${state.caseId}:${kind}`, // one payment per kind and case: the business key of its instruction
    kind,
    amount,
    status: 'instructed',
    instructedAt: ctx.now,
    confirmBy: deadlineDaysAfter(ctx.now, ctx.policy.paymentConfirmationDays),
  };
}

/** §5.2 default split: tranche 1 = ⌊amount × share⌋ (the second gets the rest, so no yuan is lost). */
export const firstTranche = (subsidy: number, policy: PolicyConfig): number =>
  Math.floor(subsidy * policy.subsidyTrancheShares[0]);

/**
 * R-RPT-5: the first reporting year is the designation year when the park was designated on or before the cut-off
 * (30 June by default, Chongqing date), otherwise the following year.
 */
export function firstReportingYearOf(designatedAt: string, policy: PolicyConfig): number {
  const { year, month, day } = partsOf(civilDateOf(designatedAt));
  const cutoff = policy.firstReportingYearCutoffMonth * 100 + policy.firstReportingYearCutoffDay;
  return month * 100 + day <= cutoff ? year : year + 1;
}

export function validateDesignation(state: CaseSnapshot, request: DesignationRequest, policy: PolicyConfig): void {
  assertStage('designation', state);
  if (!state.reviewSummary) throw refuse('decision', '§5.1', 'rules.refusals.reviewNotClosed');
  assertObjectionsAnswered(state, request); // R-REV-3: first, so a blank reason over an objection names the rule
  if (!request.reason?.trim()) throw refuse('reason', '§5.1', 'rules.refusals.reasonRequired');
  if (request.decision === 'reject') return;
  const amount = request.subsidyAmount;
  if (
    amount === undefined ||
    !Number.isInteger(amount) ||
    amount < policy.subsidyMinCny ||
    amount > policy.subsidyMaxCny
  ) {
    throw refuse('subsidyAmount', 'R-SUB-1', 'rules.refusals.subsidyOutOfRange', {
      min: policy.subsidyMinCny,
      max: policy.subsidyMaxCny,
    });
  }
}

/** §5.1–§5.2: designate (certificate, tranche 1 instructed, evaluation scheduled) or reject with reasons. */
export function applyDesignation(state: CaseSnapshot, request: DesignationRequest, ctx: Context): Outcome {
  state.updatedAt = ctx.now;
  if (request.decision === 'reject') {
    state.stage = 'rejected';
    state.rejection = { reason: request.reason, decidedAt: ctx.now };
    return outcome('rejected', { reason: request.reason });
  }
  const subsidyAmount = request.subsidyAmount!;
  // R-CAL-1: the certificate carries the Chongqing year of the decision.
  const certificateNo =
    request.certificateNo ?? `CQ-HRP-${chongqingYear(ctx.now)}-${state.caseId.slice(0, 8).toUpperCase()}`;
  state.stage = 'designated';
  const firstReportingYear = firstReportingYearOf(ctx.now, ctx.policy);
  state.designation = {
    certificateNo,
    designatedAt: ctx.now,
    subsidyAmount,
    reason: request.reason,
    firstReportingYear,
  };
  state.nextEvaluationDue = deadlineYearsAfter(ctx.now, ctx.policy.evaluationIntervalYears);
  const tranche1 = newPayment(state, 'subsidy_tranche_1', firstTranche(subsidyAmount, ctx.policy), ctx);
  state.payments.push(tranche1);
  const details = {
    certificateNo,
    subsidyAmount,
    firstReportingYear: state.designation.firstReportingYear,
    nextEvaluationDue: state.nextEvaluationDue,
  };
  return outcome('designated', details, { instruct: [tranche1] });
}

export function validateIncubationBase(state: CaseSnapshot, _request: IncubationBaseRequest): void {
  assertStage('incubationBase', state);
  if (state.payments.some((p) => p.kind === 'incubation_grant')) {
    throw refuse('incubationBase', 'R-SUB-3', 'rules.refusals.incubationGrantPaidOnce');
  }
}

/** R-SUB-3: recognition as an incubation base with its one-time grant. */
export function applyIncubationBase(state: CaseSnapshot, request: IncubationBaseRequest, ctx: Context): Outcome {
  const grant = newPayment(state, 'incubation_grant', ctx.policy.incubationGrantCny, ctx);
  state.payments.push(grant);
  state.updatedAt = ctx.now;
  return outcome(
    'incubation_base_recognised',
    { amount: grant.amount, ...(request.decisionReference ? { decisionReference: request.decisionReference } : {}) },
    { instruct: [grant] },
  );
}

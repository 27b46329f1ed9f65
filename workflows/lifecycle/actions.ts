import type { defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '../definitions/case';
import * as m from '../definitions/messages';
import { applyDesignation, applyIncubationBase, validateDesignation, validateIncubationBase } from './designation';
import { applyEvaluation, validateEvaluation } from './evaluation';
import { applyAcceptance, applySubmission, validateAcceptance, validateSubmission } from './intake';
import type { Context, Outcome } from './outcome';
import { applyPaymentConfirmation, validatePaymentConfirmation } from './payments';
import { applyRefundPayment, applyRefundWriteOff, validateRefundPayment, validateRefundWriteOff } from './refund';
import { applyReport, validateReport } from './reports';
import { applyPanel, applyReview, validatePanel, validateReview } from './review';

/** One officer action: its Update, the validator (throws InvalidStage / InvalidInput) and the pure state change. */
export interface OfficerAction<Req, Ret> {
  update: ReturnType<typeof defineUpdate<Ret, [Req]>>;
  validate(state: CaseSnapshot, request: Req, ctx: Context): void;
  apply(state: CaseSnapshot, request: Req, ctx: Context): Outcome;
  result(state: CaseSnapshot): Ret;
}

// The registry holds actions of different request types; each entry is checked where it is declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOfficerAction = OfficerAction<any, any>;

const snapshot = (state: CaseSnapshot): CaseSnapshot => state;
const action = <Req, Ret>(a: OfficerAction<Req, Ret>): AnyOfficerAction => a;

/** Every officer action the case workflow accepts (§5), each as a validated Update. */
export const OFFICER_ACTIONS: AnyOfficerAction[] = [
  action({
    update: m.submitApplicationUpdate,
    validate: validateSubmission,
    apply: applySubmission,
    result: (s) => ({ caseId: s.caseId, stage: s.stage as Exclude<CaseSnapshot['stage'], 'draft'>, deficiencies: s.deficiencies, flags: s.flags ?? [] }),
  }),
  action({ update: m.acceptanceUpdate, validate: (s, r) => validateAcceptance(s, r), apply: applyAcceptance, result: snapshot }),
  action({ update: m.formPanelUpdate, validate: (s, r, c) => validatePanel(s, r, c.policy), apply: applyPanel, result: snapshot }),
  action({ update: m.submitReviewUpdate, validate: (s, r) => validateReview(s, r), apply: applyReview, result: snapshot }),
  action({ update: m.designationUpdate, validate: (s, r, c) => validateDesignation(s, r, c.policy), apply: applyDesignation, result: snapshot }),
  action({ update: m.incubationBaseUpdate, validate: (s, r) => validateIncubationBase(s, r), apply: applyIncubationBase, result: snapshot }),
  action({ update: m.confirmPaymentUpdate, validate: (s, r) => validatePaymentConfirmation(s, r), apply: applyPaymentConfirmation, result: snapshot }),
  action({ update: m.annualReportUpdate, validate: validateReport, apply: applyReport, result: snapshot }),
  action({ update: m.evaluationUpdate, validate: validateEvaluation, apply: applyEvaluation, result: snapshot }),
  action({ update: m.refundPaymentUpdate, validate: (s, r) => validateRefundPayment(s, r), apply: applyRefundPayment, result: snapshot }),
  action({ update: m.refundWriteOffUpdate, validate: (s, r) => validateRefundWriteOff(s, r), apply: applyRefundWriteOff, result: snapshot }),
];

import type { UpdateDefinition } from '@temporalio/common';
import type { CaseSnapshot, FilingStage } from '../definitions/case';
import { OFFICER_ACTION_NAMES, OFFICER_ACTIONS, type OfficerActionName } from '../definitions/officer-actions';
import { applyDepartmentOpinion, validateDepartmentOpinion } from './department-opinions';
import { applyDocument, lastDocument, validateDocument } from './documents';
import { applyDesignation, applyIncubationBase, validateDesignation, validateIncubationBase } from './designation';
import { applyEvaluation, validateEvaluation } from './evaluation';
import { applyAcceptance, applySubmission, validateAcceptance, validateSubmission } from './intake';
import type { Context, Outcome } from './outcome';
import { applyPaymentConfirmation, validatePaymentConfirmation } from './payments';
import { applyRefundPayment, applyRefundWriteOff, validateRefundPayment, validateRefundWriteOff } from './refund';
import { applyReport, validateReport } from './reports';
import { applyPanel, applyReview, validatePanel, validateReview } from './review';

/**
 * How the workflow handles one officer action: the validator (throws InvalidStage / InvalidInput), the pure state
 * change and the answer.
 */
export interface OfficerActionHandlers<Req, Ret> {
  validate(state: CaseSnapshot, request: Req, ctx: Context): void;
  apply(state: CaseSnapshot, request: Req, ctx: Context): Outcome;
  result(state: CaseSnapshot): Ret;
}

/** The handlers of action `K`, typed by the request and the answer of its Update. */
type HandlersOf<K extends OfficerActionName> =
  (typeof OFFICER_ACTIONS)[K]['update'] extends UpdateDefinition<infer Ret, [infer Req], K>
    ? OfficerActionHandlers<Req, Ret>
    : never;

const snapshot = (state: CaseSnapshot): CaseSnapshot => state;

// Keyed by the names of OFFICER_ACTIONS: an action declared there without its handlers here does not compile.
const HANDLERS = {
  submitApplication: {
    validate: validateSubmission,
    apply: applySubmission,
    // applySubmission leaves the case submitted or returned (§5.1).
    result: (s) => ({
      caseId: s.caseId,
      stage: s.stage as FilingStage,
      deficiencies: s.deficiencies,
      flags: s.flags ?? [],
    }),
  },
  acceptance: { validate: validateAcceptance, apply: applyAcceptance, result: snapshot },
  formPanel: { validate: (s, r, c) => validatePanel(s, r, c.policy), apply: applyPanel, result: snapshot },
  submitReview: { validate: validateReview, apply: applyReview, result: snapshot },
  departmentOpinion: { validate: validateDepartmentOpinion, apply: applyDepartmentOpinion, result: snapshot },
  designation: {
    validate: (s, r, c) => validateDesignation(s, r, c.policy),
    apply: applyDesignation,
    result: snapshot,
  },
  incubationBase: { validate: validateIncubationBase, apply: applyIncubationBase, result: snapshot },
  confirmPayment: { validate: validatePaymentConfirmation, apply: applyPaymentConfirmation, result: snapshot },
  annualReport: { validate: validateReport, apply: applyReport, result: snapshot },
  evaluation: { validate: validateEvaluation, apply: applyEvaluation, result: snapshot },
  refundPayment: { validate: validateRefundPayment, apply: applyRefundPayment, result: snapshot },
  refundWriteOff: { validate: validateRefundWriteOff, apply: applyRefundWriteOff, result: snapshot },
  attachDocument: { validate: validateDocument, apply: applyDocument, result: lastDocument },
} satisfies { [K in OfficerActionName]: HandlersOf<K> };

/**
 * One officer action as the workflow registers it: its Update and its handlers. The list of them holds actions of
 * different request types, hence `any`; each entry has been checked against its Update in HANDLERS.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OfficerUpdate = OfficerActionHandlers<any, any> & { update: UpdateDefinition<any, [any]> };

/** Every officer action the case workflow accepts (§5) as a validated Update, in the order of OFFICER_ACTIONS. */
export const OFFICER_UPDATES: OfficerUpdate[] = OFFICER_ACTION_NAMES.map((name) => ({
  update: OFFICER_ACTIONS[name].update,
  ...HANDLERS[name],
}));

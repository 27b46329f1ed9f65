import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ParkApplication } from './application';
import type { CaseDocument, StoredDocument } from './documents';
import type {
  Actor,
  AnnualReportInput,
  CaseSnapshot,
  DepartmentPosition,
  DesignationDecision,
  EvaluationOutcome,
  RevocationGround,
  SubmissionOutcome,
} from './case';

/** Workflow type name and id scheme shared by the API, the worker and ops (`park-case-<caseId>`). */
export const PARK_CASE_WORKFLOW_TYPE = 'parkCaseWorkflow';
export const parkCaseWorkflowId = (caseId: string): string => `park-case-${caseId}`;

/** Every officer action names who takes it (the JWT subject and role). */
interface ByActor {
  actor: Actor;
}

export interface SubmitApplicationRequest extends ByActor {
  application: ParkApplication;
}
export interface AcceptanceRequest extends ByActor {
  accepted: boolean;
  reason?: string;
  /** R-APP-4/5: required to accept an application with flags; kept in the audit trail. */
  waiverReason?: string;
}
export interface PanelRequest extends ByActor {
  expertIds: string[];
}
export interface ReviewRequest extends ByActor {
  necessity: number;
  feasibility: number;
  recommend: boolean;
  comments?: string;
}
/** R-REV-3: a department's opinion on the park, recorded by the municipal bureau. */
export interface DepartmentOpinionRequest extends ByActor {
  department: string;
  position: DepartmentPosition;
  opinion: string;
  /** A Chongqing day `YYYY-MM-DD` (R-CAL-1), not after today. */
  date: string;
}
export interface DesignationRequest extends ByActor {
  decision: DesignationDecision;
  reason: string;
  subsidyAmount?: number;
  certificateNo?: string;
}
export interface IncubationBaseRequest extends ByActor {
  /** The recognition decision's document number, kept in the audit trail. */
  decisionReference?: string;
}
export interface PaymentConfirmationRequest extends ByActor {
  paymentId: string;
  paidAt: string;
  bankReference: string;
}
export interface AnnualReportRequest extends ByActor {
  report: AnnualReportInput;
}
export interface EvaluationRequest extends ByActor {
  outcome: EvaluationOutcome;
  findings: string;
  /** R-CAL-1: a Chongqing day `YYYY-MM-DD`; the order runs to its end. Rectify only. */
  rectifyBy?: string;
  /** R-EVL-2: one or more grounds, required with revoke and only with it. */
  grounds?: RevocationGround[];
  /** R-REF-1 / R-PAY-1: revoke only; at most the subsidy tranches paid plus in flight. */
  refundAmount?: number;
  /** R-DOC-1: the papers on the case the evaluation rests on (e.g. the rectification report). */
  documentIds?: string[];
}
export interface RefundPaymentRequest extends ByActor {
  amount: number;
  paidAt: string;
  bankReference: string;
  /** R-DOC-1: the bank slip(s) on the case (`refund_receipt`). */
  documentIds?: string[];
}
/** R-DOC-1: a paper stored for the case (the object store has its bytes), to be recorded on it. */
export interface AttachDocumentRequest extends ByActor {
  document: StoredDocument;
}

export interface RefundWriteOffRequest extends ByActor {
  reason: string;
}

/** The case after an officer action: stage plus the whole snapshot. */
export type ActionOutcome = CaseSnapshot;

// Each officer action's Update keeps its name in its type (the third type argument): the table of officer actions
// (officer-actions.ts) is keyed by these names and does not compile when a key and its Update's name differ.

/**
 * Officer action (district): file the application, or a corrected one while `returned` (§5.1).
 * The validator refuses it in any other stage; the handler runs R-APP-1..7 and returns the outcome.
 */
export const submitApplicationUpdate = defineUpdate<SubmissionOutcome, [SubmitApplicationRequest], 'submitApplication'>(
  'submitApplication',
);
/** Municipal: completeness check of a submitted application (§5.1); not accepted → `returned`. */
export const acceptanceUpdate = defineUpdate<ActionOutcome, [AcceptanceRequest], 'acceptance'>('acceptance');
/** Municipal: form the expert panel, or re-form it to replace experts who have not reviewed (§5.1). */
export const formPanelUpdate = defineUpdate<ActionOutcome, [PanelRequest], 'formPanel'>('formPanel');
/** Expert on the panel: one review opinion (§5.1). */
export const submitReviewUpdate = defineUpdate<ActionOutcome, [ReviewRequest], 'submitReview'>('submitReview');
/** Municipal: record a department's opinion while the case is accepted or under review (R-REV-3, §5.1). */
export const departmentOpinionUpdate = defineUpdate<ActionOutcome, [DepartmentOpinionRequest], 'departmentOpinion'>(
  'departmentOpinion',
);
/** Municipal: designate with a subsidy (R-SUB-1) or reject, once the review has closed (§5.1, §5.2). */
export const designationUpdate = defineUpdate<ActionOutcome, [DesignationRequest], 'designation'>('designation');
/** Municipal: recognise the park as an incubation base, one-time grant (R-SUB-3). */
export const incubationBaseUpdate = defineUpdate<ActionOutcome, [IncubationBaseRequest], 'incubationBase'>(
  'incubationBase',
);
/** Finance: the treasury paid this disbursement (§5.2). */
export const confirmPaymentUpdate = defineUpdate<ActionOutcome, [PaymentConfirmationRequest], 'confirmPayment'>(
  'confirmPayment',
);
/** District: the yearly report (§5.3, R-RPT-1..4). */
export const annualReportUpdate = defineUpdate<ActionOutcome, [AnnualReportRequest], 'annualReport'>('annualReport');
/** Municipal: periodic or on-demand evaluation — renew, rectify or revoke (§5.3, R-EVL-1). */
export const evaluationUpdate = defineUpdate<ActionOutcome, [EvaluationRequest], 'evaluation'>('evaluation');
/** Finance: a (partial) refund received against the open refund demand (R-REF-1). */
export const refundPaymentUpdate = defineUpdate<ActionOutcome, [RefundPaymentRequest], 'refundPayment'>(
  'refundPayment',
);

/** Municipal: write off the unpaid rest of an escalated refund demand, with a reason (R-PAY-1). */
export const refundWriteOffUpdate = defineUpdate<ActionOutcome, [RefundWriteOffRequest], 'refundWriteOff'>(
  'refundWriteOff',
);

/**
 * District (its own case), municipal, finance (bank slips): record a paper uploaded for the case (R-DOC-1) — its id,
 * purpose, SHA-256 and size, never its bytes — answered with the paper as recorded.
 */
export const attachDocumentUpdate = defineUpdate<CaseDocument, [AttachDocumentRequest], 'attachDocument'>(
  'attachDocument',
);

/** The live state of the case, for reads the read model may not have caught up with. */
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');

/** The name of {@link workCalendarChangedSignal}, for batch operations that signal every open case. */
export const WORK_CALENDAR_CHANGED = 'workCalendarChanged';
/**
 * R-CAL-3 (system event): a newer holiday arrangement is available (a new package version, or an operator's
 * import). The case reads the calendar again and recomputes its pending deadlines — never earlier than announced —
 * and records the change in its history.
 */
export const workCalendarChangedSignal = defineSignal<[]>(WORK_CALENDAR_CHANGED);

/** The payload of {@link policyClockAdvancedSignal} (JSON): how many policy days the clock moves forward. */
export interface PolicyClockAdvance {
  /** A whole number of policy days, 1 to 3660. */
  days: number;
}
/**
 * Training and test stacks only (`npm run policy-clock`): moves the case's policy clock `days` forward, so what falls
 * due in between (reminders, overdue notices, deadlines, the reporting-year boundary) happens as it would have, and
 * records the move in the audit trail (`policy_clock_advanced`). A case started without `POLICY_CLOCK_ADJUSTABLE`
 * (production), or an invalid `days`, leaves the case unchanged (the worker logs why).
 */
export const policyClockAdvancedSignal = defineSignal<[PolicyClockAdvance]>('policyClockAdvanced');

/** Where a case's policy clock stands: whether it can be moved, how far it was, and the policy date now. */
export interface PolicyClockView {
  adjustable: boolean;
  advancedDays: number;
  policyNow: string;
}
/** The case's policy clock ({@link PolicyClockView}), for `npm run policy-clock` to report what its signal did. */
export const policyClockQuery = defineQuery<PolicyClockView>('policyClock');

/**
 * Where an officer action sent as an Update stands, as `GET /v1/cases/{caseId}/actions/{updateId}` reports it:
 * no outcome yet, applied, or refused by its validator or handler.
 */
export const ACTION_OUTCOME_STATUSES = ['running', 'applied', 'refused'] as const;
export type ActionOutcomeStatus = (typeof ACTION_OUTCOME_STATUSES)[number];

/** The `status` of every 202 answer to an action (api-contract): the server has it; its outcome may be pending. */
export const ACTION_ACCEPTED = 'accepted';

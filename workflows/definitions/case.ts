import type { CaseCalendarRef } from './work-calendar';
import type { Deficiency, ParkApplication } from './application';
import type { CaseDocument } from './documents';
import type { MessageParams } from './message-ref';
import type { PolicyConfig } from './policy';

/** The stages of a park case, as `api-contract.md` names them. */
export const CASE_STAGES = [
  'submitted',
  'returned',
  'lapsed',
  'accepted',
  'under_review',
  'rejected',
  'designated',
  'rectifying',
  'revoked',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Stages after which the case workflow ends; any action on them is refused (409 `invalid_stage`). */
export const FINAL_STAGES: ReadonlyArray<CaseStage | 'draft'> = ['lapsed', 'rejected', 'closed'];
/** Stages whose case lives on through reporting years: each year's boundary starts a fresh run of its workflow. */
export const YEARLY_STAGES: ReadonlyArray<CaseStage | 'draft'> = ['designated', 'rectifying', 'revoked'];

/** What a case can be waiting on (api-contract `deadlines[].kind`). */
export const DEADLINE_KINDS = [
  'resubmission',
  'review',
  'payment_confirmation',
  'annual_report',
  'evaluation',
  'rectification',
  'refund',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * A deadline the case is waiting on (R-CAL-1): `dueDate` is the Chongqing day it falls on, `dueAt` the instant
 * that day ends (D 24:00 Chongqing = D 16:00 UTC, exclusive).
 */
export interface Deadline {
  kind: DeadlineKind;
  dueAt: string;
  /** `YYYY-MM-DD`; absent only in snapshots written before R-CAL-1. */
  dueDate?: string;
  /** R-CAL-3: the day the period ended on, when that was a rest day and the deadline moved to `dueDate`. */
  shiftedFrom?: string;
  /** Why it moved: the holiday (`国庆节`), or `周六` / `周日`. */
  reason?: string;
  /** R-CAL-3: its year's arrangement is not published: the law-fixed holidays decided the day, which may still move. */
  provisional?: true;
  /** The holiday data that decided the day (`chinese-days@1.5.7`, imported years appended). */
  calendarVersion?: string;
}

export const OFFICER_ROLES = ['district', 'municipal', 'expert', 'finance'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** Who asked for an action: the token's subject and role, and the issuer who vouched for them (audited together). */
export interface Actor {
  id: string;
  role: OfficerRole;
  district?: string;
  /** The token's `iss`; absent in entries recorded before issuers were kept. */
  issuer?: string;
}

/** Input of {@link parkCaseWorkflow}; everything a run needs, JSON-safe. */
export interface ParkCaseInput {
  caseId: string;
  district: string;
  parkName: string;
  policy: PolicyConfig;
  /** `POLICY_TIME_SCALE`: every policy duration is divided by it (86400 → a policy day lasts a second). */
  policyTimeScale: number;
  /**
   * `POLICY_CLOCK_ADJUSTABLE` when the case was started (training and test stacks only): the case takes a
   * `policyClockAdvanced` signal and moves its policy clock forward. Absent (production): the clock only runs.
   */
  policyClockAdjustable?: boolean;
  /** Set by continue-as-new: the case as the previous run left it. */
  carried?: CaseSnapshot;
  /**
   * Set by a continue-as-new within the case's reporting year (Temporal suggested it: a long history): no reporting
   * year begins with the new run. Absent with `carried`: a reporting year begins (or a bench starts a yearly park).
   */
  sameReportingYear?: boolean;
}

/** One expert's review opinion (§5.1 default: scores 0–100 and a recommendation). */
export interface ExpertReview {
  expertId: string;
  necessity: number;
  feasibility: number;
  recommend: boolean;
  comments?: string;
  submittedAt: string;
}

/** R-REV-3: a department's position on the park — support, support with conditions, object. */
export const DEPARTMENT_POSITIONS = ['support', 'conditional', 'object'] as const;
export type DepartmentPosition = (typeof DEPARTMENT_POSITIONS)[number];

/** R-REV-3 (§5.1 会同相关部门): a department's opinion, recorded by the municipal bureau before designating. */
export interface DepartmentOpinion {
  /** The department's name, e.g. 市财政局. */
  department: string;
  position: DepartmentPosition;
  opinion: string;
  /** The Chongqing day of the opinion (R-CAL-1), `YYYY-MM-DD`. */
  date: string;
  recordedAt: string;
  recordedBy: string;
}

/** The expert panel and its reviews; the review closes when every member has submitted. */
export interface Panel {
  expertIds: string[];
  formedAt: string;
  reviewDueAt: string;
  reviews: ExpertReview[];
  replaced: Array<{ expertId: string; at: string }>;
}

/** Kept when the review closes, put before the designation decision. */
export interface ReviewSummary {
  closedAt: string;
  meanNecessity: number;
  meanFeasibility: number;
  recommendFor: number;
  recommendAgainst: number;
}

/** The park's first reporting year (R-RPT-5) is set at designation. */
export interface Designation {
  certificateNo: string;
  designatedAt: string;
  subsidyAmount: number;
  reason: string;
  /** R-RPT-5: absent in cases designated before the rule (their first reporting year is the designation year). */
  firstReportingYear?: number;
}

export const PAYMENT_KINDS = ['subsidy_tranche_1', 'subsidy_tranche_2', 'incubation_grant'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_STATUSES = ['instructed', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A disbursement: instructed once to the treasury, then confirmed by finance. */
export interface Payment {
  paymentId: string;
  kind: PaymentKind;
  amount: number;
  status: PaymentStatus;
  instructedAt: string;
  confirmBy: string;
  paidAt?: string;
  bankReference?: string;
}

/**
 * A check of a yearly report against the targets (R-RPT-2..4), kept for the evaluation, or a report not submitted
 * (R-RPT-1): a code and its parameters, e.g. `{ rule: 'R-RPT-2', year: 2027, code:
 * 'rules.findings.firstYearRevenueBelow', params: { revenue: 250000000, min: 300000000 } }`.
 */
export interface Finding {
  rule: string;
  year: number;
  code: string;
  params?: MessageParams;
  /** Only in snapshots written before the catalogues (issue 20): their English sentence, and no `code`. */
  message?: string;
}

export interface SubsidyUse {
  rent: number;
  renovation: number;
  propertyManagement: number;
  publicFacilities: number;
  operations: number;
  /** The policy says the subsidy is *mainly* for the five headings above; the rest goes here (R-SUB-2). */
  other?: number;
}

/** The yearly report (§5.3, R-RPT-1) as the district submits it. */
export interface AnnualReportInput {
  year: number;
  agencies: number;
  revenue: number;
  staff: number;
  floorAreaSqm: number;
  subsidyUse: SubsidyUse;
  /** R-DOC-1: the papers on the case the report rests on (its statements); absent when none is named. */
  documentIds?: string[];
}

export interface AnnualReport extends AnnualReportInput {
  submittedAt: string;
  dueAt: string;
  late: boolean;
}

/** The municipal bureau's decision after expert review (§5.1, §5.2). */
export const DESIGNATION_DECISIONS = ['designate', 'reject'] as const;
export type DesignationDecision = (typeof DESIGNATION_DECISIONS)[number];

export const EVALUATION_OUTCOMES = ['renew', 'rectify', 'revoke'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

/** R-EVL-1/2: the grounds a revocation states (经营不善, 有名无实, 造成其他恶劣影响). */
export const REVOCATION_GROUNDS = ['poorly_run', 'nominal_only', 'adverse_effect'] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];

export interface Evaluation {
  outcome: EvaluationOutcome;
  findings: string;
  decidedAt: string;
  rectifyBy?: string;
  refundAmount?: number;
  /** R-EVL-2: why the designation is revoked (revoke only). */
  grounds?: RevocationGround[];
  /** The report findings and missed reports that were before the evaluator (§5.3). */
  reportFindings: Finding[];
  /** R-DOC-1: the papers on the case the evaluation rests on; absent when none is named. */
  documentIds?: string[];
}

export interface RefundPayment {
  amount: number;
  paidAt: string;
  bankReference: string;
  /** R-DOC-1: the bank slip(s) on the case; absent when none is named. */
  documentIds?: string[];
}

export const REFUND_STATUSES = ['open', 'settled', 'escalated', 'written_off'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** R-PAY-1: the municipal bureau wrote off the unpaid rest of an escalated demand. */
export interface RefundWriteOff {
  amount: number;
  reason: string;
  at: string;
  by: string;
}

/** R-REF-1: the refund ordered on revocation. */
export interface RefundDemand {
  amount: number;
  paidAmount: number;
  dueAt: string;
  status: RefundStatus;
  payments: RefundPayment[];
  writeOff?: RefundWriteOff;
}

/** R-APP-4/5: the municipal bureau accepted an application despite its flags, for this reason. */
export interface Waiver {
  reason: string;
  rules: string[];
  at: string;
  by: string;
}

/** The case as the workflow knows it: returned by the `caseSnapshot` query and mirrored into the read model. */
export interface CaseSnapshot {
  caseId: string;
  district: string;
  parkName: string;
  stage: CaseStage | 'draft';
  deficiencies: Deficiency[];
  /** R-APP-4/5 (*in principle*) shortfalls of the latest filing: never a reason to return, waived at acceptance. */
  flags?: Deficiency[];
  /** The waiver of the flags at acceptance, if any. */
  waiver?: Waiver | null;
  deadlines: Deadline[];
  application: ParkApplication | null;
  /** How many times an application was filed for this case (1 = first filing). */
  submissionCount: number;
  /** Why the municipal bureau returned the application at acceptance, if it did. */
  returnReason: string | null;
  /** Policy date the case was last returned: the resubmission window runs from it. */
  returnedAt: string | null;
  panel: Panel | null;
  reviewSummary: ReviewSummary | null;
  /** R-REV-3: the departments' opinions, in the order recorded; absent in snapshots written before the rule. */
  departmentOpinions?: DepartmentOpinion[];
  /** R-DOC-1: the papers uploaded for the case, every version, in the order recorded; absent before the first. */
  documents?: CaseDocument[];
  rejection: { reason: string; decidedAt: string } | null;
  designation: Designation | null;
  payments: Payment[];
  reports: AnnualReport[];
  findings: Finding[];
  evaluations: Evaluation[];
  nextEvaluationDue: string | null;
  rectifyBy: string | null;
  refundDemand: RefundDemand | null;
  /** How many notices each scheduled series (reminders, overdue notices) has sent. */
  fired: Record<string, number>;
  /** R-CAL-3: the working-day calendar the case's deadlines follow, by reference; set in the case's first task. */
  calendar?: CaseCalendarRef;
  /** Increases with every change; the read model keeps only the highest version it saw. */
  version: number;
  /** Workflow time (ms) the case was opened: policy dates are counted from it. */
  openedAtMs: number;
  /** Policy date the case was opened. */
  openedAt: string;
  /** Policy date of the last change. */
  updatedAt: string;
  /**
   * Policy days the case's clock was moved forward by `policyClockAdvanced` signals (adjustable cases only), added to
   * every policy date from then on; absent = 0.
   */
  clockAdvancedDays?: number;
}

/** The stages a filing or resubmission leaves a case in (§5.1): complete, or returned for its deficiencies. */
export const FILING_STAGES = ['submitted', 'returned'] as const satisfies readonly CaseStage[];
export type FilingStage = (typeof FILING_STAGES)[number];

/** R-STAT-1 (§5.1 名单): the stages of a park on the published list — designated, or rectifying while still so. */
export const PUBLISHED_STAGES = ['designated', 'rectifying'] as const satisfies readonly CaseStage[];
export type PublishedStage = (typeof PUBLISHED_STAGES)[number];

/** What an officer learns after filing or resubmitting an application. */
export interface SubmissionOutcome {
  caseId: string;
  stage: FilingStage;
  deficiencies: Deficiency[];
  flags: Deficiency[];
}

import type { Deficiency, ParkApplication } from './application';
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

export type DeadlineKind =
  | 'resubmission'
  | 'review'
  | 'payment_confirmation'
  | 'annual_report'
  | 'evaluation'
  | 'rectification'
  | 'refund';

/** A deadline the case is waiting on; `dueAt` is a policy date (ISO string). */
export interface Deadline {
  kind: DeadlineKind;
  dueAt: string;
}

export type OfficerRole = 'district' | 'municipal' | 'expert' | 'finance';

/** Who asked for an action: the JWT subject and role. */
export interface Actor {
  id: string;
  role: OfficerRole;
  district?: string;
}

/** Input of {@link parkCaseWorkflow}; everything a run needs, JSON-safe. */
export interface ParkCaseInput {
  caseId: string;
  district: string;
  parkName: string;
  policy: PolicyConfig;
  /** `POLICY_TIME_SCALE`: every policy duration is divided by it (86400 → a policy day lasts a second). */
  policyTimeScale: number;
}

/** The case as the workflow knows it: returned by the `caseSnapshot` query and mirrored into the read model. */
export interface CaseSnapshot {
  caseId: string;
  district: string;
  parkName: string;
  stage: CaseStage | 'draft';
  deficiencies: Deficiency[];
  deadlines: Deadline[];
  application: ParkApplication | null;
  /** How many times an application was filed for this case (1 = first filing). */
  submissionCount: number;
  /** Increases with every change; the read model keeps only the highest version it saw. */
  version: number;
  /** Policy date the case was opened. */
  openedAt: string;
  /** Policy date of the last change. */
  updatedAt: string;
}

/** What an officer learns after filing or resubmitting an application. */
export interface SubmissionOutcome {
  caseId: string;
  stage: CaseStage;
  deficiencies: Deficiency[];
}

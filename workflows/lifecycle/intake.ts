import type { CaseSnapshot, ParkCaseInput } from '../definitions/case';
import { invalidInput } from '../definitions/failures';
import type { AcceptanceRequest, SubmitApplicationRequest } from '../definitions/messages';
import type { PolicyConfig } from '../definitions/policy';
import { assertStage } from '../case-stages';
import { checkEligibility } from '../eligibility';
import { addPolicyDays } from '../policy-time';
import { outcome, type Context, type Outcome } from './outcome';

/** A case before its first filing. */
export function newCase(input: ParkCaseInput, openedAtMs: number, openedAt: string): CaseSnapshot {
  return {
    caseId: input.caseId,
    district: input.district,
    parkName: input.parkName,
    stage: 'draft',
    deficiencies: [],
    deadlines: [],
    application: null,
    submissionCount: 0,
    returnReason: null,
    returnedAt: null,
    panel: null,
    reviewSummary: null,
    rejection: null,
    designation: null,
    payments: [],
    reports: [],
    findings: [],
    evaluations: [],
    nextEvaluationDue: null,
    rectifyBy: null,
    refundDemand: null,
    fired: {},
    version: 0,
    openedAtMs,
    openedAt,
    updatedAt: openedAt,
  };
}

/** Deadline by which a returned application must come back (§5.1 default window). */
export const resubmissionDueAt = (returnedAt: string, policy: PolicyConfig): string => addPolicyDays(returnedAt, policy.resubmissionWindowDays);

export function validateSubmission(state: CaseSnapshot, { application }: SubmitApplicationRequest): void {
  assertStage('submitApplication', state);
  if (application.district !== state.district) {
    throw invalidInput('district', `the application names district ${application.district}, but case ${state.caseId} belongs to ${state.district}`);
  }
}

/** §5.1: R-APP-1..7 decide `submitted` or `returned` with every deficiency; a new filing restarts the window. */
export function applySubmission(state: CaseSnapshot, { application }: SubmitApplicationRequest, ctx: Context): Outcome {
  const deficiencies = checkEligibility(application, ctx.policy);
  state.application = application;
  state.parkName = application.parkName;
  state.submissionCount += 1;
  state.deficiencies = deficiencies;
  state.returnReason = null;
  state.stage = deficiencies.length > 0 ? 'returned' : 'submitted';
  state.returnedAt = state.stage === 'returned' ? ctx.now : null;
  state.updatedAt = ctx.now;
  return outcome(state.submissionCount === 1 ? 'application_filed' : 'application_resubmitted', {
    submission: state.submissionCount,
    stage: state.stage,
    deficiencies: deficiencies.map((d) => d.rule),
  });
}

export function validateAcceptance(state: CaseSnapshot, request: AcceptanceRequest): void {
  assertStage('acceptance', state);
  if (!request.accepted && !request.reason?.trim()) throw invalidInput('reason', 'a reason is required when the application is not accepted', '§5.1');
}

/** §5.1: the municipal completeness check; not accepted → returned with the reason, for resubmission. */
export function applyAcceptance(state: CaseSnapshot, request: AcceptanceRequest, ctx: Context): Outcome {
  state.updatedAt = ctx.now;
  if (request.accepted) {
    state.stage = 'accepted';
    return outcome('application_accepted');
  }
  state.stage = 'returned';
  state.returnedAt = ctx.now;
  state.returnReason = request.reason ?? null;
  state.deficiencies = [{ rule: '§5.1', message: `returned at acceptance: ${request.reason}` }];
  return outcome('application_returned', { reason: request.reason });
}

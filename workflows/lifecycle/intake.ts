import type { CaseSnapshot, ParkCaseInput } from '../definitions/case';
import { invalidStage } from '../definitions/failures';
import { messageRef } from '../definitions/message-ref';
import type { AcceptanceRequest, SubmitApplicationRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import { checkEligibility, deficiency, isFlag } from '../eligibility';
import { deadlineDaysAfter, isPast } from '../definitions/civil-date';
import { dueAtOf } from './calendar';
import { assertPapersComplete } from './documents';
import { outcome, type Context, type Outcome } from './outcome';
import { refuse, type RefusalCode } from './refusals';

/** A case before its first filing. */
export function newCase(input: ParkCaseInput, openedAtMs: number, openedAt: string): CaseSnapshot {
  return {
    caseId: input.caseId,
    district: input.district,
    parkName: input.parkName,
    stage: 'draft',
    deficiencies: [],
    flags: [],
    waiver: null,
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

/** Deadline by which a returned application must come back (§5.1 default window, R-CAL-2). */
export const resubmissionDueAt = (returnedAt: string, ctx: Pick<Context, 'policy'>): string =>
  deadlineDaysAfter(returnedAt, ctx.policy.resubmissionWindowDays);

export function validateSubmission(state: CaseSnapshot, { application }: SubmitApplicationRequest, ctx: Context): void {
  assertStage('submitApplication', state);
  // A resubmission that arrives with the lapse timer is refused even before the lapse is processed (policy.md).
  const returnedAt = state.returnedAt;
  const dueAt = returnedAt ? dueAtOf(ctx, resubmissionDueAt(returnedAt, ctx)) : undefined;
  if (state.stage === 'returned' && dueAt && isPast(dueAt, ctx.now)) {
    const closed = messageRef('rules.refusals.resubmissionWindowClosed' satisfies RefusalCode, { dueAt });
    throw invalidStage('submitApplication', 'lapsed', ['returned'], closed);
  }
  if (application.district !== state.district) {
    const named = { named: application.district, caseId: state.caseId, district: state.district };
    throw refuse('district', '§6', 'rules.refusals.districtMismatch', named);
  }
}

/**
 * §5.1: R-APP-1..3 and 6..8 decide `submitted` or `returned` with every deficiency; R-APP-4/5 shortfalls are
 * flags for the municipal bureau to waive or return (*in principle*). A new filing restarts the window.
 */
export function applySubmission(state: CaseSnapshot, { application }: SubmitApplicationRequest, ctx: Context): Outcome {
  const shortfalls = checkEligibility(application, ctx.policy);
  const flags = shortfalls.filter(isFlag);
  const deficiencies = shortfalls.filter((found) => !flags.includes(found));
  state.application = application;
  state.parkName = application.parkName;
  state.submissionCount += 1;
  state.deficiencies = deficiencies;
  state.flags = flags;
  state.waiver = null;
  state.returnReason = null;
  state.stage = deficiencies.length > 0 ? 'returned' : 'submitted';
  state.returnedAt = state.stage === 'returned' ? ctx.now : null;
  state.updatedAt = ctx.now;
  return outcome(state.submissionCount === 1 ? 'application_filed' : 'application_resubmitted', {
    submission: state.submissionCount,
    stage: state.stage,
    deficiencies: deficiencies.map((d) => d.rule),
    flags: flags.map((f) => f.rule),
  });
}

/** The R-APP-4/5 rules the latest filing falls short of (in principle), each once. */
const flaggedRules = (state: CaseSnapshot): string[] => [...new Set((state.flags ?? []).map((flag) => flag.rule))];

export function validateAcceptance(state: CaseSnapshot, request: AcceptanceRequest, ctx: Context): void {
  assertStage('acceptance', state);
  if (!request.accepted && !request.reason?.trim())
    throw refuse('reason', '§5.1', 'rules.refusals.returnReasonRequired');
  const flagged = flaggedRules(state);
  const waiver = request.waiverReason?.trim();
  if (request.accepted && flagged.length > 0 && !waiver)
    throw refuse('waiverReason', flagged[0], 'rules.refusals.waiverReasonRequired', { rules: flagged });
  if (waiver && !(request.accepted && flagged.length > 0))
    throw refuse('waiverReason', 'R-APP-4', 'rules.refusals.waiverReasonUnexpected');
  if (request.accepted) assertPapersComplete(state, ctx.policy);
}

/** §5.1: the municipal completeness check; not accepted → returned with the reason, for resubmission. */
export function applyAcceptance(state: CaseSnapshot, request: AcceptanceRequest, ctx: Context): Outcome {
  state.updatedAt = ctx.now;
  if (request.accepted) {
    state.stage = 'accepted';
    const rules = flaggedRules(state);
    if (rules.length === 0) return outcome('application_accepted');
    state.waiver = { reason: request.waiverReason!.trim(), rules, at: ctx.now, by: request.actor.id };
    return outcome('application_accepted', { waiverReason: state.waiver.reason, waivedRules: rules });
  }
  state.stage = 'returned';
  state.returnedAt = ctx.now;
  state.returnReason = request.reason ?? null;
  const reason = request.reason ?? '';
  state.deficiencies = [deficiency('§5.1', undefined, 'rules.deficiencies.returnedAtAcceptance', { reason })];
  return outcome('application_returned', { reason: request.reason });
}

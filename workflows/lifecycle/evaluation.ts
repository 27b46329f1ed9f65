import { nextWorkingDay, restReason } from './working-days';
import { REVOCATION_GROUNDS, type CaseSnapshot, type Finding } from '../definitions/case';
import type { EvaluationRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import {
  addDays,
  civilDateOf,
  deadlineDaysAfter,
  deadlineYearsAfter,
  endOfDay,
  isCivilDate,
} from '../definitions/civil-date';
import { outcome, type Context, type Outcome } from './outcome';
import { closeIfSettled, refundCeiling } from './payments';
import { assertDocumentsOnCase } from './documents';
import { refuse } from './refusals';
import { finding, overdueReportYears, threeYearRevenueFinding } from './reports';

/**
 * The findings put before the evaluator (§5.3): report findings, R-RPT-3 when due and not met, every missed report.
 */
export function findingsForEvaluation(state: CaseSnapshot, ctx: Context): Finding[] {
  const missed = overdueReportYears(state, ctx.now, ctx).map((year) =>
    finding('R-RPT-1', year, 'rules.findings.reportNotSubmitted', { year }),
  );
  const threeYear = state.findings.some((f) => f.rule === 'R-RPT-3')
    ? undefined
    : threeYearRevenueFinding(state, ctx.now, ctx);
  return [...state.findings, ...(threeYear ? [threeYear] : []), ...missed];
}

/**
 * Fields that belong to one outcome only (api-contract: `rectifyBy` with rectify, `grounds` and `refundAmount` with
 * revoke).
 */
const OUTCOME_FIELDS = {
  rectifyBy: { only: 'rectify', rule: 'R-EVL-1' },
  grounds: { only: 'revoke', rule: 'R-EVL-2' },
  refundAmount: { only: 'revoke', rule: 'R-REF-1' }, // a refund is ordered together with revocation
} as const;

function validateRectifyBy(rectifyBy: string | undefined, ctx: Context): void {
  if (!rectifyBy) throw refuse('rectifyBy', 'R-EVL-1', 'rules.refusals.rectifyByRequired');
  if (!isCivilDate(rectifyBy))
    throw refuse('rectifyBy', 'R-CAL-1', 'rules.refusals.notAChongqingDay', { value: rectifyBy });
  const tomorrow = addDays(civilDateOf(ctx.now), 1);
  if (rectifyBy < tomorrow)
    throw refuse('rectifyBy', 'R-EVL-1', 'rules.refusals.rectifyByNotFuture', { earliest: tomorrow });
  const rest = restReason(ctx.calendar, rectifyBy);
  if (rest) {
    const instead = nextWorkingDay(ctx.calendar, rectifyBy);
    throw refuse('rectifyBy', 'R-CAL-3', 'rules.refusals.rectifyByRestDay', { day: rectifyBy, reason: rest, instead });
  }
}

function validateGrounds(grounds: unknown[] | undefined): void {
  const allowed = [...REVOCATION_GROUNDS];
  if (!Array.isArray(grounds) || grounds.length === 0)
    throw refuse('grounds', 'R-EVL-2', 'rules.refusals.groundsRequired', { allowed });
  const unknown = grounds.filter((g) => !(REVOCATION_GROUNDS as readonly unknown[]).includes(g)).map(String);
  if (unknown.length > 0) throw refuse('grounds', 'R-EVL-2', 'rules.refusals.groundsUnknown', { unknown, allowed });
  if (new Set(grounds).size !== grounds.length) throw refuse('grounds', 'R-EVL-2', 'rules.refusals.groundsRepeated');
}

export function validateEvaluation(state: CaseSnapshot, request: EvaluationRequest, ctx: Context): void {
  assertStage('evaluation', state);
  if (!request.findings?.trim()) throw refuse('findings', 'R-EVL-1', 'rules.refusals.findingsRequired');
  for (const [field, { only, rule }] of Object.entries(OUTCOME_FIELDS)) {
    if (request[field as keyof typeof OUTCOME_FIELDS] !== undefined && request.outcome !== only) {
      throw refuse(field, rule, 'rules.refusals.fieldOnlyWithOutcome', { field, only, outcome: request.outcome });
    }
  }
  assertDocumentsOnCase(state, request.documentIds, 'documentIds');
  if (request.outcome === 'rectify') validateRectifyBy(request.rectifyBy, ctx);
  if (request.outcome !== 'revoke') return;
  validateGrounds(request.grounds);
  if (request.refundAmount !== undefined) {
    const ceiling = refundCeiling(state);
    if (!Number.isInteger(request.refundAmount) || request.refundAmount <= 0 || request.refundAmount > ceiling)
      throw refuse('refundAmount', 'R-PAY-1', 'rules.refusals.refundAmountOutOfRange', { ceiling });
  }
}

/**
 * §5.3 R-EVL-1/2: renew (next period from today), rectify (deadline, then re-evaluation) or revoke (refund demand,
 * R-REF-1).
 */
export function applyEvaluation(state: CaseSnapshot, request: EvaluationRequest, ctx: Context): Outcome {
  const reportFindings = findingsForEvaluation(state, ctx);
  const rectifyBy = request.rectifyBy ? endOfDay(request.rectifyBy) : undefined;
  const grounds = request.outcome === 'revoke' && request.grounds ? [...request.grounds] : undefined;
  state.evaluations.push({
    outcome: request.outcome,
    findings: request.findings,
    decidedAt: ctx.now,
    reportFindings,
    ...(rectifyBy ? { rectifyBy } : {}),
    ...(grounds ? { grounds } : {}),
    ...(request.refundAmount !== undefined ? { refundAmount: request.refundAmount } : {}),
    ...(request.documentIds?.length ? { documentIds: [...request.documentIds] } : {}),
  });
  state.updatedAt = ctx.now;
  const details = {
    outcome: request.outcome,
    findings: request.findings,
    findingsBeforeEvaluator: reportFindings.length,
  };
  if (request.outcome === 'renew') {
    state.stage = 'designated';
    state.rectifyBy = null;
    // R-EVL-2: the next period runs from this renewal.
    state.nextEvaluationDue = deadlineYearsAfter(ctx.now, ctx.policy.evaluationIntervalYears);
    return outcome('evaluated_renew', { ...details, nextEvaluationDue: state.nextEvaluationDue });
  }
  if (request.outcome === 'rectify') {
    state.stage = 'rectifying';
    state.rectifyBy = rectifyBy!;
    return outcome('evaluated_rectify', { ...details, rectifyBy });
  }
  state.stage = 'revoked';
  state.nextEvaluationDue = null;
  state.rectifyBy = null;
  if (request.refundAmount) {
    const dueAt = deadlineDaysAfter(ctx.now, ctx.policy.refundWindowDays);
    state.refundDemand = { amount: request.refundAmount, paidAmount: 0, dueAt, status: 'open', payments: [] };
  }
  // R-PAY-1: a revoked case closes once no money is in flight.
  const closed = closeIfSettled(state, ctx.now);
  return outcome('evaluated_revoke', {
    ...details,
    grounds,
    refundAmount: request.refundAmount ?? 0,
    refundDueAt: state.refundDemand?.dueAt,
    ...closed,
  });
}

import type { MessageCode } from '../../i18n/catalogue';
import type { AnnualReportInput, CaseSnapshot, Finding } from '../definitions/case';
import { messageRef, type MessageParams } from '../definitions/message-ref';
import type { AnnualReportRequest } from '../definitions/messages';
import type { PolicyConfig } from '../definitions/policy';
import { assertStage } from '../case-stages';
import { chongqingYear, deadlineOn, isPast } from '../definitions/civil-date';
import { firstTranche, newPayment } from './designation';
import { dueAtOf } from './calendar';
import { outcome, type Context, type Outcome } from './outcome';
import { assertDocumentsOnCase } from './documents';
import { refuse } from './refusals';

/** What a report's deadline depends on: the policy's day (R-RPT-1) and the case's calendar (R-CAL-3). */
export type ReportRules = Pick<Context, 'policy' | 'calendar'>;

/** R-RPT-1 default: the report for `year` is due at the end of 31 March of the next year (Chongqing, R-CAL-1). */
export const reportDueAt = (year: number, policy: PolicyConfig): string =>
  deadlineOn(year + 1, policy.reportDueMonth, policy.reportDueDay);

/** R-RPT-5: the park's first reporting year (cases designated before the rule: the designation year). */
export const firstReportYear = (state: CaseSnapshot): number =>
  state.designation!.firstReportingYear ?? chongqingYear(state.designation!.designatedAt);

/** R-RPT-5: the Chongqing year the park's designation was revoked in (undefined: never revoked). */
export function revocationYear(state: CaseSnapshot): number | undefined {
  const revocation = state.evaluations.find((e) => e.outcome === 'revoke');
  return revocation ? chongqingYear(revocation.decidedAt) : undefined;
}

/**
 * Reporting years from the first through the Chongqing year of `now` whose report has not arrived — R-RPT-5: on a
 * revoked park, only the years before the revocation year (they stay due until the case closes).
 */
export const unreportedYears = (state: CaseSnapshot, now: string): number[] =>
  dueReportYears(state, now).filter((year) => !state.reports.some((r) => r.year === year));

/** The reporting years {@link unreportedYears} looks at, filed or not. */
export function dueReportYears(state: CaseSnapshot, now: string): number[] {
  if (!state.designation) return [];
  const revoked = revocationYear(state);
  const last = revoked === undefined ? chongqingYear(now) : Math.min(chongqingYear(now), revoked - 1);
  const years: number[] = [];
  for (let year = firstReportYear(state); year <= last; year += 1) years.push(year);
  return years;
}

/** R-CAL-3: the report for `year` is due on 31 March, or the first working day after it when that is a rest day. */
export const reportDeadline = (year: number, rules: ReportRules): string =>
  dueAtOf(rules, reportDueAt(year, rules.policy));

/** Reports past their due date and still missing (the `OverdueReports` search attribute, R-RPT-6). */
export const overdueReportYears = (state: CaseSnapshot, now: string, rules: ReportRules): number[] =>
  unreportedYears(state, now).filter((year) => isPast(reportDeadline(year, rules), now));

/** A finding of `year` under `rule`, its text the catalogues' `code` (under `rules.findings`) with `params`. */
export const finding = (
  rule: string,
  year: number,
  code: Extract<MessageCode, `rules.findings.${string}`>,
  params?: MessageParams,
): Finding => ({ rule, year, ...messageRef(code, params) });

/**
 * R-RPT-2 (first reporting year ≥ 300 M CNY) and R-RPT-4 (still ≥ 15 agencies and ≥ 8,000 m², or not below a
 * floor area the municipal bureau waived at acceptance) for one yearly report.
 */
export function checkReport(report: AnnualReportInput, state: CaseSnapshot, policy: PolicyConfig): Finding[] {
  const findings: Finding[] = [];
  const year = report.year;
  if (year === firstReportYear(state) && report.revenue < policy.firstYearRevenueCny) {
    const revenue = { revenue: report.revenue, min: policy.firstYearRevenueCny };
    findings.push(finding('R-RPT-2', year, 'rules.findings.firstYearRevenueBelow', revenue));
  }
  if (report.agencies < policy.minAgencies) {
    const agencies = { agencies: report.agencies, min: policy.minAgencies };
    findings.push(finding('R-RPT-4', year, 'rules.findings.tooFewAgencies', agencies));
  }
  const minArea = minimumFloorArea(state, policy);
  if (report.floorAreaSqm < minArea) {
    const area = { area: report.floorAreaSqm, min: minArea };
    findings.push(finding('R-RPT-4', year, 'rules.findings.floorAreaBelow', area));
  }
  return findings;
}

/** R-RPT-4: the policy's floor area, or the smaller area the municipal bureau waived under R-APP-4. */
function minimumFloorArea(state: CaseSnapshot, policy: PolicyConfig): number {
  const waived = state.waiver?.rules.includes('R-APP-4') ? state.application?.floorAreaSqm : undefined;
  return waived === undefined ? policy.minFloorAreaSqm : Math.min(waived, policy.minFloorAreaSqm);
}

/**
 * R-RPT-3: the revenue of one of the first three reporting years reaches 1,000 M CNY. Not yet due until the third
 * reporting year's report is filed or due; a missing report counts as not met. Returns the finding when not met.
 */
export function threeYearRevenueFinding(state: CaseSnapshot, now: string, rules: ReportRules): Finding | undefined {
  if (!state.designation) return undefined;
  const policy = rules.policy;
  const first = firstReportYear(state);
  const last = first + policy.revenueTargetYears - 1;
  const judged = state.reports.filter((r) => r.year >= first && r.year <= last);
  if (judged.some((r) => r.revenue >= policy.thirdYearRevenueCny)) return undefined;
  if (!judged.some((r) => r.year === last) && !isPast(reportDeadline(last, rules), now)) return undefined;
  const missing = policy.revenueTargetYears - judged.length;
  const target = { first, last, target: policy.thirdYearRevenueCny };
  return missing > 0
    ? finding('R-RPT-3', last, 'rules.findings.threeYearRevenueBelowReportsMissing', { ...target, missing })
    : finding('R-RPT-3', last, 'rules.findings.threeYearRevenueBelow', target);
}

export function validateReport(state: CaseSnapshot, { report }: AnnualReportRequest, ctx: Context): void {
  assertStage('annualReport', state);
  const first = firstReportYear(state);
  const lastEnded = chongqingYear(ctx.now) - 1;
  const { year } = report;
  if (!Number.isInteger(year) || year < first)
    throw refuse('year', 'R-RPT-5', 'rules.refusals.reportYearBeforeFirst', { first, year });
  const revokedIn = revocationYear(state);
  if (revokedIn !== undefined && year >= revokedIn)
    throw refuse('year', 'R-RPT-5', 'rules.refusals.reportYearRevoked', { year, revokedIn });
  if (year > lastEnded)
    throw refuse('year', 'R-RPT-5', 'rules.refusals.reportYearNotEnded', { year, from: `${year + 1}-01-01` });
  if (state.reports.some((r) => r.year === year))
    throw refuse('year', 'R-RPT-1', 'rules.refusals.reportAlreadySubmitted', { year });
  assertDocumentsOnCase(state, report.documentIds, 'documentIds');
}

/** The second tranche is released by the first reporting year's report (R-RPT-5), unless revoked by then (§5.2). */
const releasesTranche2 = (state: CaseSnapshot, year: number): boolean =>
  year === firstReportYear(state) &&
  state.stage !== 'revoked' &&
  !state.payments.some((p) => p.kind === 'subsidy_tranche_2');

/**
 * §5.3: records the report and its findings (R-RPT-2..4); the first reporting year's report releases tranche 2
 * (§5.2).
 */
export function applyReport(state: CaseSnapshot, { report }: AnnualReportRequest, ctx: Context): Outcome {
  const findings = checkReport(report, state, ctx.policy);
  const dueAt = reportDeadline(report.year, ctx);
  const late = isPast(dueAt, ctx.now);
  state.reports.push({ ...report, submittedAt: ctx.now, dueAt, late });
  state.reports.sort((a, b) => a.year - b.year);
  const threeYear = threeYearRevenueFinding(state, ctx.now, ctx);
  if (threeYear && !state.findings.some((f) => f.rule === 'R-RPT-3')) findings.push(threeYear);
  state.findings.push(...findings);
  state.updatedAt = ctx.now;
  const instruct = [];
  if (releasesTranche2(state, report.year)) {
    const subsidy = state.designation!.subsidyAmount;
    const tranche1 =
      state.payments.find((p) => p.kind === 'subsidy_tranche_1')?.amount ?? firstTranche(subsidy, ctx.policy);
    const tranche2 = newPayment(state, 'subsidy_tranche_2', subsidy - tranche1, ctx);
    state.payments.push(tranche2);
    instruct.push(tranche2);
  }
  return outcome(
    'annual_report_submitted',
    { year: report.year, late, findings: findings.map((f) => f.rule) },
    { instruct },
  );
}

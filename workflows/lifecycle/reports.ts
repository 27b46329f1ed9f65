import type { AnnualReportInput, CaseSnapshot, Finding } from '../definitions/case';
import { invalidInput } from '../definitions/failures';
import type { AnnualReportRequest } from '../definitions/messages';
import type { PolicyConfig } from '../definitions/policy';
import { assertStage } from '../case-stages';
import { chinaYear, endOfChinaDay } from '../policy-time';
import { firstTranche, newPayment } from './designation';
import { outcome, type Context, type Outcome } from './outcome';

/** R-RPT-1 default: the report for `year` is due at the end of 31 March of the next year (Chongqing time). */
export const reportDueAt = (year: number, policy: PolicyConfig): string => endOfChinaDay(year + 1, policy.reportDueMonth, policy.reportDueDay);

/** The first reporting year: the year of designation. */
export const firstReportYear = (state: CaseSnapshot): number => chinaYear(state.designation!.designatedAt);

/** Reporting years from the first through the policy year of `now` whose report has not arrived. */
export function unreportedYears(state: CaseSnapshot, now: string): number[] {
  if (!state.designation) return [];
  const years: number[] = [];
  for (let year = firstReportYear(state); year <= chinaYear(now); year += 1) {
    if (!state.reports.some((r) => r.year === year)) years.push(year);
  }
  return years;
}

/** Reports past their due date and still missing (the `OverdueReports` search attribute). */
export const overdueReportYears = (state: CaseSnapshot, now: string, policy: PolicyConfig): number[] =>
  unreportedYears(state, now).filter((year) => reportDueAt(year, policy) <= now);

/**
 * Checks a yearly report against the targets (§4.3, §5.3): R-RPT-2 first operating year revenue,
 * R-RPT-3 third-year or cumulative revenue within three years, R-RPT-4 agencies and floor area.
 */
export function checkReport(report: AnnualReportInput, operatingYear: number, cumulativeRevenue: number, policy: PolicyConfig): Finding[] {
  const findings: Finding[] = [];
  const year = report.year;
  if (operatingYear === 1 && report.revenue < policy.firstYearRevenueCny) {
    findings.push({ rule: 'R-RPT-2', year, message: `first operating year revenue ${report.revenue} CNY is below ${policy.firstYearRevenueCny} CNY` });
  }
  if (operatingYear === 3 && report.revenue < policy.thirdYearRevenueCny && cumulativeRevenue < policy.thirdYearRevenueCny) {
    findings.push({ rule: 'R-RPT-3', year, message: `neither third-year revenue (${report.revenue} CNY) nor the three-year total (${cumulativeRevenue} CNY) reaches ${policy.thirdYearRevenueCny} CNY` });
  }
  if (report.agencies < policy.minAgencies) findings.push({ rule: 'R-RPT-4', year, message: `${report.agencies} resident agencies, fewer than ${policy.minAgencies}` });
  if (report.floorAreaSqm < policy.minFloorAreaSqm) findings.push({ rule: 'R-RPT-4', year, message: `floor area ${report.floorAreaSqm} m² is below ${policy.minFloorAreaSqm} m²` });
  return findings;
}

export function validateReport(state: CaseSnapshot, { report }: AnnualReportRequest, ctx: Context): void {
  assertStage('annualReport', state);
  const first = firstReportYear(state);
  const current = chinaYear(ctx.now);
  if (!Number.isInteger(report.year) || report.year < first || report.year > current) {
    throw invalidInput('year', `reports cover the years ${first}–${current} of this park`, 'R-RPT-1');
  }
  if (state.reports.some((r) => r.year === report.year)) throw invalidInput('year', `the report for ${report.year} was already submitted`, 'R-RPT-1');
}

/** §5.3: records the report and its findings; the first report releases the subsidy's second tranche (§5.2 default). */
export function applyReport(state: CaseSnapshot, { report }: AnnualReportRequest, ctx: Context): Outcome {
  const operatingYear = report.year - firstReportYear(state) + 1;
  const earlier = state.reports.filter((r) => r.year < report.year && r.year >= report.year - 2);
  const cumulative = earlier.reduce((sum, r) => sum + r.revenue, report.revenue);
  const findings = checkReport(report, operatingYear, cumulative, ctx.policy);
  const dueAt = reportDueAt(report.year, ctx.policy);
  state.reports.push({ ...report, submittedAt: ctx.now, dueAt, late: ctx.now > dueAt });
  state.reports.sort((a, b) => a.year - b.year);
  state.findings.push(...findings);
  state.updatedAt = ctx.now;
  const instruct = [];
  if (!state.payments.some((p) => p.kind === 'subsidy_tranche_2')) {
    const subsidy = state.designation!.subsidyAmount;
    const tranche2 = newPayment(state, 'subsidy_tranche_2', subsidy - firstTranche(subsidy, ctx.policy), ctx);
    state.payments.push(tranche2);
    instruct.push(tranche2);
  }
  return outcome('annual_report_submitted', { year: report.year, late: ctx.now > dueAt, findings: findings.map((f) => f.rule) }, { instruct });
}

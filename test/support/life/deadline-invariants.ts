/**
 * The calendar invariants of a random life: every deadline the case lists, and its next evaluation, fall
 * exactly where the rules put them (R-CAL-1, R-CAL-2, R-RPT-5, R-EVL-2), moved off rest days (R-CAL-3). The
 * expected dates are computed here from the events of the life (when the review window opened, which day a
 * rectification order named, when the case was revoked), not by the lifecycle code under test.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CaseSnapshot, Deadline, DeadlineKind } from '../../../workflows/definitions/case';
import { cqDay, cqWorkdayFrom, cqYear, endOfCqDay, plusDays, plusYears } from './calendar';
import type { Fail } from './invariants';
import type { LifeEvent } from './model';

/** R-RPT-1: the report for `year` is due 31 March of the next year, 24:00 Chongqing (before R-CAL-3 moves it). */
export const REPORT_DUE = (year: number) => endOfCqDay(`${year + 1}-03-31`);
/** R-CAL-3: a deadline at the end of day D moves to the end of the first working day from D on. */
export const MOVED = (dueAt: string) => endOfCqDay(cqWorkdayFrom(dueAt.slice(0, 10)));
/** R-RPT-5, computed here: the designation year when designated on or before 30 June (Chongqing), else the next. */
export const firstReportingYear = (designatedAt: string) =>
  cqDay(designatedAt).slice(5) <= '06-30' ? cqYear(designatedAt) : cqYear(designatedAt) + 1;

/**
 * R-RPT-5, computed here: the last reporting year whose report can be due at `at` — the year of `at`, or once revoked
 * the year before the revocation year (the day the revoke decision was taken, Chongqing).
 */
export function lastDueReportYear(state: CaseSnapshot, at: string): number {
  const revocation = state.evaluations.find((e) => e.outcome === 'revoke');
  return revocation ? Math.min(cqYear(at), cqYear(revocation.decidedAt) - 1) : cqYear(at);
}

/** Tracks the windows the deadlines run from and checks the deadlines and the next evaluation after each event. */
export class DeadlineInvariants {
  /** The panel as the previous event left it: a formPanel that adds an expert opens a new review window. */
  private prevExperts: string[] = [];
  /** When the current review window began (panel formed, or experts added). */
  private reviewWindowFrom: string | undefined;
  /** The day the latest rectification order names. */
  private rectifyDay: string | undefined;
  /** When the case was revoked: the refund demand's 60 days run from that day. */
  private revokedAt: string | undefined;

  constructor(private readonly fail: Fail) {}

  /** Notes where the windows of an applied action begin (before the checks of the same event). */
  trackWindows(event: Extract<LifeEvent, { type: 'applied' | 'fired' }>, state: CaseSnapshot): void {
    if (event.type !== 'applied') return;
    if (event.name === 'formPanel' && state.panel) {
      const added = state.panel.expertIds.some((id) => !this.prevExperts.includes(id));
      if (this.prevExperts.length === 0 || added) this.reviewWindowFrom = event.at;
    }
    if (event.name === 'evaluation' && event.request.outcome === 'rectify')
      this.rectifyDay = event.request.rectifyBy as string;
    if (event.name === 'evaluation' && event.request.outcome === 'revoke') this.revokedAt = event.at;
  }

  /** R-CAL-1 / R-CAL-2: the deadlines the case lists are exactly those the rules give, at the latest commit. */
  checkDeadlines(state: CaseSnapshot, at: string): void {
    for (const deadline of state.deadlines) {
      if (!deadline.dueAt.endsWith('T16:00:00.000Z'))
        this.fail(
          'deadlines',
          `${deadline.kind} deadline ${deadline.dueAt} does not end a Chongqing day (16:00:00.000Z)`,
        );
      if (deadline.dueDate !== deadline.dueAt.slice(0, 10))
        this.fail('deadlines', `${deadline.kind} deadline ${deadline.dueAt} has dueDate ${deadline.dueDate}`);
    }
    const expected: Deadline[] = [];
    // R-CAL-3: where the rule puts it, moved to the first working day after a rest day (the day it moved from kept).
    const push = (kind: DeadlineKind, nominal: string) => {
      const dueAt = MOVED(nominal);
      const shifted = dueAt === nominal ? {} : { shiftedFrom: nominal.slice(0, 10) };
      expected.push({ kind, dueAt, dueDate: dueAt.slice(0, 10), ...shifted });
    };
    for (const deadline of state.deadlines) {
      if (deadline.shiftedFrom && !deadline.reason)
        this.fail('deadlines', `${deadline.kind} deadline moved from ${deadline.shiftedFrom} without a reason`);
      if (cqWorkdayFrom(deadline.dueAt.slice(0, 10)) !== deadline.dueAt.slice(0, 10))
        this.fail('deadlines', `${deadline.kind} deadline ${deadline.dueAt} falls on a rest day (R-CAL-3)`);
      if (!deadline.calendarVersion?.startsWith('chinese-days@'))
        this.fail('deadlines', `${deadline.kind} deadline names no holiday data (calendarVersion)`);
    }
    if (state.stage === 'returned') push('resubmission', endOfCqDay(plusDays(cqDay(state.returnedAt!), 30)));
    if (state.panel) {
      const due = endOfCqDay(plusDays(cqDay(this.reviewWindowFrom ?? state.panel.formedAt), 14));
      if (state.panel.reviewDueAt !== due)
        this.fail(
          'deadlines',
          `review due ${state.panel.reviewDueAt}, the panel's window (from ${this.reviewWindowFrom}) ends ${due}`,
        );
      if (state.stage === 'under_review' && !state.reviewSummary) push('review', due);
    }
    for (const payment of state.payments) {
      const due = endOfCqDay(plusDays(cqDay(payment.instructedAt), 14));
      if (payment.confirmBy !== due)
        this.fail(
          'deadlines',
          `${payment.paymentId} confirmBy ${payment.confirmBy}, ` +
            `expected ${due} (instructed ${payment.instructedAt} + 14 days)`,
        );
      if (payment.status === 'instructed') push('payment_confirmation', due);
    }
    for (const report of state.reports) {
      if (report.dueAt !== MOVED(REPORT_DUE(report.year)))
        this.fail(
          'deadlines',
          `report ${report.year} dueAt ${report.dueAt}, expected ${MOVED(REPORT_DUE(report.year))}`,
        );
      if (report.late !== report.submittedAt >= report.dueAt)
        this.fail(
          'deadlines',
          `report ${report.year} submitted ${report.submittedAt} marked late=${report.late} (due ${report.dueAt})`,
        );
    }
    const designation = state.designation;
    // R-RPT-5: a revoked park's reports of the years before its revocation year stay due until the case closes.
    if (designation && ['designated', 'rectifying', 'revoked'].includes(state.stage)) {
      for (let year = firstReportingYear(designation.designatedAt); year <= lastDueReportYear(state, at); year += 1) {
        if (!state.reports.some((r) => r.year === year)) push('annual_report', REPORT_DUE(year));
      }
    }
    if (designation && designation.firstReportingYear !== firstReportingYear(designation.designatedAt)) {
      this.fail(
        'deadlines',
        `designated ${designation.designatedAt} (${cqDay(designation.designatedAt)} ` +
          `Chongqing): first reporting year ${designation.firstReportingYear}, ` +
          `expected ${firstReportingYear(designation.designatedAt)} (R-RPT-5)`,
      );
    }
    if (state.stage === 'designated' && state.nextEvaluationDue) push('evaluation', state.nextEvaluationDue);
    if (state.stage === 'rectifying') {
      const due = this.rectifyDay ? endOfCqDay(this.rectifyDay) : undefined;
      if (state.rectifyBy !== due)
        this.fail('deadlines', `rectifyBy ${state.rectifyBy}, the order named ${this.rectifyDay} (ends ${due})`);
      if (state.rectifyBy) push('rectification', state.rectifyBy);
    }
    const demand = state.refundDemand;
    if (demand) {
      const due = endOfCqDay(plusDays(cqDay(this.revokedAt!), 60));
      if (demand.dueAt !== due)
        this.fail('deadlines', `refund due ${demand.dueAt}, expected ${due} (revoked ${this.revokedAt} + 60 days)`);
      if (state.stage === 'revoked' && (demand.status === 'open' || demand.status === 'escalated')) push('refund', due);
    }
    const order = (list: Deadline[]) =>
      [...list].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind));
    const listed = state.deadlines.map(({ kind, dueAt, dueDate, shiftedFrom }) => ({
      kind,
      dueAt,
      dueDate,
      ...(shiftedFrom ? { shiftedFrom } : {}),
    }));
    if (!isDeepStrictEqual(order(listed), order(expected))) {
      this.fail(
        'deadlines',
        `deadlines at ${at}: ${JSON.stringify(state.deadlines)}\n      expected: ${JSON.stringify(order(expected))}`,
      );
    }
    for (let i = 1; i < state.deadlines.length; i += 1) {
      if (state.deadlines[i - 1].dueAt > state.deadlines[i].dueAt)
        this.fail('deadlines', 'deadlines are not listed earliest first');
    }
  }

  /** R-EVL-2: 3 years after the latest renewal, or after designation (29 Feb → 28 Feb). */
  checkEvaluation(state: CaseSnapshot): void {
    const designation = state.designation;
    if (!designation || state.stage === 'revoked' || state.stage === 'closed') {
      if (state.nextEvaluationDue !== null && state.stage !== 'designated' && state.stage !== 'rectifying')
        this.fail('evaluation', `stage ${state.stage} still has an evaluation due ${state.nextEvaluationDue}`);
      return;
    }
    const renewals = state.evaluations.filter((e) => e.outcome === 'renew');
    const base = renewals.length > 0 ? renewals[renewals.length - 1].decidedAt : designation.designatedAt;
    const bound = endOfCqDay(plusYears(cqDay(base), 3));
    const due = state.nextEvaluationDue;
    if (!due) return this.fail('evaluation', `stage ${state.stage} has no next evaluation`);
    if (due > bound) this.fail('evaluation', `next evaluation ${due} is more than 3 years after ${base} (${bound})`);
    if (due !== bound)
      this.fail(
        'evaluation',
        `next evaluation ${due}, expected ${bound} (3 years ` +
          `after ${renewals.length > 0 ? 'the latest renewal' : 'designation'} ${base})`,
      );
  }

  /** Remembers the panel as it stands, to see experts added by the next formPanel. */
  remember(state: CaseSnapshot): void {
    this.prevExperts = [...(state.panel?.expertIds ?? [])];
  }
}

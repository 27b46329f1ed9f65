import type { CaseSnapshot } from '../definitions/case';
import type { PolicyConfig } from '../definitions/policy';
import type { Notice } from '../definitions/records';
import { addPolicyDays } from '../policy-time';
import { resubmissionDueAt } from './intake';
import { reportDueAt, unreportedYears } from './reports';

type NoticeDraft = Omit<Notice, 'caseId' | 'issuedAt' | 'key'>;

/**
 * A series of timed events (reminders before a deadline, weekly overdue notices, a lapse): element `index`
 * happens at `at(index)` (null once the series has ended). `state.fired[key]` counts the elements already fired,
 * so a series resumes exactly where it stopped, across continue-as-new.
 */
export interface Series {
  key: string;
  at(index: number): string | null;
  /** Notices element `index` sends; `mutate` changes the case (e.g. a lapse). */
  notices(index: number, at: string): NoticeDraft[];
  mutate?(state: CaseSnapshot, at: string): void;
}

/** A series' next element. */
export interface DueEvent {
  series: Series;
  index: number;
  at: string;
}

const before = (due: string, days: number[]) => (index: number) => (index < days.length ? addPolicyDays(due, -[...days].sort((a, b) => b - a)[index]) : null);
const once = (at: string) => (index: number) => (index === 0 ? at : null);
const weeklyFrom = (start: string, policy: PolicyConfig) => (index: number) => addPolicyDays(start, index * policy.overdueRepeatDays);

/** Every series the case's current state keeps running (§5.1–§5.3 reminders, notices and deadlines). */
export function activeSeries(state: CaseSnapshot, policy: PolicyConfig, now: string): Series[] {
  const district = { role: 'district' as const, district: state.district };
  const series: Series[] = [];
  if (state.stage === 'returned' && state.returnedAt) {
    const due = resubmissionDueAt(state.returnedAt, policy);
    series.push(
      { key: `resubmission:${state.returnedAt}:reminder`, at: before(due, policy.resubmissionReminderDaysBefore), notices: () => [{ kind: 'resubmission_reminder', recipient: district, dueAt: due, clause: '§5.1', message: `the corrected application for ${state.parkName} is due by ${due}, or the application lapses` }] },
      { key: `resubmission:${state.returnedAt}:lapse`, at: once(due), notices: () => [{ kind: 'application_lapsed', recipient: district, dueAt: due, clause: '§5.1', message: `no corrected application for ${state.parkName} arrived by ${due}: the application has lapsed` }], mutate: (s) => { s.stage = 'lapsed'; } },
    );
  }
  const panel = state.panel;
  if (state.stage === 'under_review' && panel && !state.reviewSummary) {
    const missing = panel.expertIds.filter((id) => !panel.reviews.some((r) => r.expertId === id));
    series.push(
      { key: `review:${panel.reviewDueAt}:reminder`, at: before(panel.reviewDueAt, policy.reviewReminderDaysBefore), notices: () => missing.map((expertId) => ({ kind: 'review_reminder', recipient: { role: 'expert', expertId }, dueAt: panel.reviewDueAt, clause: '§5.1', message: `your review of ${state.parkName} is due by ${panel.reviewDueAt}` })) },
      { key: `review:${panel.reviewDueAt}:overdue`, at: once(panel.reviewDueAt), notices: () => [{ kind: 'review_overdue', recipient: { role: 'municipal' }, dueAt: panel.reviewDueAt, clause: '§5.1', message: `the review window of ${state.parkName} closed with ${missing.length} review(s) missing (${missing.join(', ')}); replace the expert(s) to continue` }] },
    );
  }
  for (const payment of state.payments.filter((p) => p.status === 'instructed')) {
    series.push({ key: `payment:${payment.paymentId}:confirmation`, at: weeklyFrom(payment.confirmBy, policy), notices: () => [{ kind: 'payment_confirmation_reminder', recipient: { role: 'finance' }, dueAt: payment.confirmBy, clause: '§5.2', message: `payment ${payment.paymentId} (${payment.kind}, ${payment.amount} CNY) to ${state.parkName} awaits confirmation since ${payment.confirmBy}` }] });
  }
  if (state.stage === 'designated' || state.stage === 'rectifying') {
    for (const year of unreportedYears(state, now)) {
      const due = reportDueAt(year, policy);
      series.push(
        { key: `report:${year}:reminder`, at: before(due, policy.reportReminderDaysBefore), notices: () => [{ kind: 'annual_report_reminder', recipient: district, dueAt: due, clause: '§5.3 R-RPT-1', message: `the ${year} yearly report of ${state.parkName} is due by ${due}` }] },
        { key: `report:${year}:overdue`, at: weeklyFrom(due, policy), notices: () => [district, { role: 'municipal' as const }].map((recipient) => ({ kind: 'annual_report_overdue' as const, recipient, dueAt: due, clause: '§5.3 R-RPT-1', message: `the ${year} yearly report of ${state.parkName} was due by ${due} and has not arrived` })) },
      );
    }
  }
  if (state.stage === 'designated' && state.nextEvaluationDue) {
    const due = state.nextEvaluationDue;
    series.push({ key: `evaluation:${due}`, at: weeklyFrom(due, policy), notices: () => [{ kind: 'evaluation_due', recipient: { role: 'municipal' }, dueAt: due, clause: '§5.3 R-EVL-1', message: `the periodic evaluation of ${state.parkName} is due (${due})` }] });
  }
  if (state.stage === 'rectifying' && state.rectifyBy) {
    const due = state.rectifyBy;
    series.push({ key: `rectification:${due}`, at: weeklyFrom(due, policy), notices: () => [{ kind: 're_evaluation_due', recipient: { role: 'municipal' }, dueAt: due, clause: '§5.3 R-EVL-1', message: `the rectification deadline of ${state.parkName} (${due}) has passed: re-evaluate the park` }] });
  }
  const demand = state.refundDemand;
  if (state.stage === 'revoked' && demand && demand.status !== 'settled') {
    const outstanding = () => demand.amount - demand.paidAmount;
    series.push(
      { key: 'refund:reminder', at: before(demand.dueAt, policy.refundReminderDaysBefore), notices: () => [{ kind: 'refund_reminder', recipient: district, dueAt: demand.dueAt, clause: '§5.3 R-REF-1', message: `${outstanding()} CNY of the subsidy of ${state.parkName} must be refunded by ${demand.dueAt}` }] },
      { key: 'refund:escalation', at: weeklyFrom(demand.dueAt, policy), mutate: (s) => { s.refundDemand!.status = 'escalated'; }, notices: (index) => [
        ...(index === 0 ? [{ kind: 'refund_escalated' as const, recipient: { role: 'municipal' as const }, dueAt: demand.dueAt, clause: '§5.3 R-REF-1', message: `the refund demand on ${state.parkName} is unpaid past ${demand.dueAt}: ${outstanding()} CNY outstanding` }] : []),
        { kind: 'refund_reminder' as const, recipient: district, dueAt: demand.dueAt, clause: '§5.3 R-REF-1', message: `${outstanding()} CNY of the subsidy of ${state.parkName} is overdue since ${demand.dueAt}` },
      ] },
    );
  }
  return series;
}

/** The earliest element not yet fired across the active series, if any. */
export function nextDueEvent(state: CaseSnapshot, policy: PolicyConfig, now: string): DueEvent | undefined {
  let next: DueEvent | undefined;
  for (const series of activeSeries(state, policy, now)) {
    const index = state.fired[series.key] ?? 0;
    const at = series.at(index);
    if (at && (!next || at < next.at)) next = { series, index, at };
  }
  return next;
}

/** Forgets the counters of series that have ended, so the state carried across continue-as-new stays small. */
export function pruneFired(state: CaseSnapshot, policy: PolicyConfig, now: string): void {
  const active = new Set(activeSeries(state, policy, now).map((s) => s.key));
  state.fired = Object.fromEntries(Object.entries(state.fired).filter(([key]) => active.has(key)));
}

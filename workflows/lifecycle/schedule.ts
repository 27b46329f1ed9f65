import type { CaseSnapshot } from '../definitions/case';
import type { NoticeRecipient } from '../definitions/records';
import { startOfYear } from '../definitions/civil-date';
import { addPolicyDays } from '../definitions/policy-time';
import { dueAtOf } from './calendar';
import { resubmissionDueAt } from './intake';
import { outcome, type Context, type Outcome } from './outcome';
import { overdueReportYears, reportDeadline, unreportedYears } from './reports';
import { overdueNoticeSeries } from './report-overdue-notices';
import { evaluationSeries, refundSeries } from './late-series';
import { noticeOf, type NoticeDraft } from './notice-drafts';
import { before, everyDaysFrom, once } from './series-timing';

/** What the schedule needs to know besides the state. */
export type ScheduleContext = Pick<Context, 'now' | 'policy' | 'calendar'>;

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

function intakeSeries(state: CaseSnapshot, ctx: ScheduleContext): Series[] {
  if (state.stage !== 'returned' || !state.returnedAt) return [];
  const district: NoticeRecipient = { role: 'district', district: state.district };
  const due = dueAtOf(ctx, resubmissionDueAt(state.returnedAt, ctx));
  const about = { recipient: district, dueAt: due, clause: '§5.1' };
  return [
    {
      key: `resubmission:${state.returnedAt}:reminder`,
      at: before(ctx, due, ctx.policy.resubmissionReminderDaysBefore, state.returnedAt),
      notices: () => [noticeOf(state, 'resubmission_reminder', about)],
    },
    {
      key: `resubmission:${state.returnedAt}:lapse`,
      at: once(due),
      notices: () => [noticeOf(state, 'application_lapsed', about)],
      mutate: (s) => {
        s.stage = 'lapsed';
      },
    },
  ];
}

function reviewSeries(state: CaseSnapshot, ctx: ScheduleContext): Series[] {
  const panel = state.panel;
  if (state.stage !== 'under_review' || !panel || state.reviewSummary) return [];
  const nominal = panel.reviewDueAt;
  const due = dueAtOf(ctx, nominal);
  const missing = panel.expertIds.filter((id) => !panel.reviews.some((r) => r.expertId === id));
  return [
    {
      key: `review:${nominal}:reminder`,
      // The window opened the day the panel (or its new experts) got it: its nominal end less its length.
      at: before(ctx, due, ctx.policy.reviewReminderDaysBefore, addPolicyDays(nominal, -ctx.policy.reviewWindowDays)),
      notices: () =>
        missing.map((expertId) =>
          noticeOf(state, 'review_reminder', { recipient: { role: 'expert', expertId }, dueAt: due, clause: '§5.1' }),
        ),
    },
    {
      key: `review:${nominal}:overdue`,
      at: once(due),
      notices: () => [
        noticeOf(
          state,
          'review_overdue',
          { recipient: { role: 'municipal' }, dueAt: due, clause: '§5.1' },
          { count: missing.length, experts: missing },
        ),
      ],
    },
  ];
}

function paymentSeries(state: CaseSnapshot, ctx: ScheduleContext): Series[] {
  return state.payments
    .filter((payment) => payment.status === 'instructed')
    .map((payment) => {
      const due = dueAtOf(ctx, payment.confirmBy);
      return {
        key: `payment:${payment.paymentId}:confirmation`,
        at: everyDaysFrom(ctx, due, ctx.policy.overdueRepeatDays),
        notices: () => [
          noticeOf(
            state,
            'payment_confirmation_reminder',
            { recipient: { role: 'finance' }, dueAt: due, clause: '§5.2' },
            { paymentId: payment.paymentId, paymentKind: payment.kind, amount: payment.amount },
          ),
        ],
      };
    });
}

function reportSeries(state: CaseSnapshot, ctx: ScheduleContext): Series[] {
  // R-RPT-5: reminders and overdue notices go on while revoked, for the years before the revocation year.
  if (state.stage !== 'designated' && state.stage !== 'rectifying' && state.stage !== 'revoked') return [];
  const district: NoticeRecipient = { role: 'district', district: state.district };
  const unreported = unreportedYears(state, ctx.now);
  const series: Series[] = unreported.map((year) => {
    const due = reportDeadline(year, ctx);
    return {
      key: `report:${year}:reminder`,
      at: before(ctx, due, ctx.policy.reportReminderDaysBefore, startOfYear(year + 1)),
      notices: () => [
        noticeOf(
          state,
          'annual_report_reminder',
          { recipient: district, dueAt: due, clause: '§5.3 R-RPT-1' },
          { year },
        ),
      ],
    };
  });
  // R-RPT-6: one notice per case per calendar week, to both bureaus, listing every year overdue when it goes out.
  const overdueNotices = (at: string): NoticeDraft[] => {
    const overdue = overdueReportYears(state, at > ctx.now ? at : ctx.now, ctx);
    return overdue.length === 0
      ? []
      : [district, { role: 'municipal' as const }].map((recipient) =>
          noticeOf(
            state,
            'annual_report_overdue',
            { recipient, dueAt: reportDeadline(overdue[0], ctx), clause: '§5.3 R-RPT-1 R-RPT-6' },
            { years: overdue.map(String) },
          ),
        );
  };
  return [...series, ...overdueNoticeSeries(state, ctx, overdueNotices)];
}

/** Every series the case's current state keeps running (§5.1–§5.3 reminders, notices and deadlines). */
export function activeSeries(state: CaseSnapshot, ctx: ScheduleContext): Series[] {
  return [intakeSeries, reviewSeries, paymentSeries, reportSeries, evaluationSeries, refundSeries].flatMap((of) =>
    of(state, ctx),
  );
}

/** The earliest element not yet fired across the active series, if any. */
export function nextDueEvent(state: CaseSnapshot, ctx: ScheduleContext): DueEvent | undefined {
  let next: DueEvent | undefined;
  for (const series of activeSeries(state, ctx)) {
    const index = state.fired[series.key] ?? 0;
    const at = series.at(index);
    if (at && (!next || at < next.at)) next = { series, index, at };
  }
  return next;
}

/** Forgets the counters of series that have ended, so the state carried across continue-as-new stays small. */
export function pruneFired(state: CaseSnapshot, ctx: ScheduleContext): void {
  const active = new Set(activeSeries(state, ctx).map((s) => s.key));
  state.fired = Object.fromEntries(Object.entries(state.fired).filter(([key]) => active.has(key)));
}

/** Fires one due element: counts it (so it never fires twice), applies its change and returns what to record. */
export function fireDue(state: CaseSnapshot, { series, index, at }: DueEvent): Outcome {
  state.fired[series.key] = index + 1;
  series.mutate?.(state, at);
  // An element joined to the one before it (R-CAL-3, see inOrder) fires with it and sends nothing more.
  const notices = index > 0 && series.at(index - 1) === at ? [] : series.notices(index, at);
  return outcome(`timer:${series.key}`, { index, scheduledFor: at, notices: notices.map((n) => n.kind) }, { notices });
}

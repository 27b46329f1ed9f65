import type { CaseSnapshot } from '../definitions/case';
import type { NoticeRecipient } from '../definitions/records';
import { startOfYear } from '../definitions/civil-date';
import { addPolicyDays } from '../policy-time';
import { dueAtOf } from './calendar';
import { resubmissionDueAt } from './intake';
import { outcome, type Context, type Outcome } from './outcome';
import { overdueReportYears, overdueStreakYear, reportDeadline, reportDueAt, unreportedYears } from './reports';
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
  if (state.stage !== 'designated' && state.stage !== 'rectifying') return [];
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
  // R-RPT-6: one weekly notice per case listing every year still unreported (see overdueRun).
  const overdueNotices = (years: number[], due: string): NoticeDraft[] =>
    [district, { role: 'municipal' as const }].map((recipient) =>
      noticeOf(
        state,
        'annual_report_overdue',
        { recipient, dueAt: due, clause: '§5.3 R-RPT-1 R-RPT-6' },
        { years: years.map(String) },
      ),
    );
  const overdue = overdueReportYears(state, ctx.now, ctx);
  const opening = overdueStreakYear(state, ctx.now, ctx) ?? unreported[0];
  if (opening === undefined) return series;
  // The run's key holds the nominal 31 March (stable when a new arrangement moves the day); its cadence the moved one.
  const { key, start } = overdueRun(state, reportDueAt(opening, ctx.policy), ctx);
  series.push({
    key,
    at: everyDaysFrom(ctx, dueAtOf(ctx, start), ctx.policy.overdueRepeatDays),
    // The years overdue when the notice goes out (the series is rebuilt at every wake-up).
    notices: () => overdueNotices(overdue, reportDeadline(overdue[0] ?? opening, ctx)),
  });
  return series;
}

/** Where an overdue series' cadence starts, read from its key (`report:overdue:<start>`). */
const overdueRunStart = (key: string): string | undefined => /^report:overdue:(.+)$/.exec(key)?.[1];

/**
 * R-RPT-6: one weekly notice per case while any report is overdue, listing every such year. The run opened by the
 * deadline `opening` keeps the series already under way for it; a new run starts at that deadline, or a week after
 * the last notice of the run before when that is later — so notices never come closer than a week.
 */
function overdueRun(state: CaseSnapshot, opening: string, ctx: ScheduleContext): { key: string; start: string } {
  const runs = Object.entries(state.fired).flatMap(([key, sent]) => {
    const start = overdueRunStart(key);
    return start ? [{ key, start, sent }] : [];
  });
  const current = runs.filter((run) => run.start >= opening).sort((a, b) => a.start.localeCompare(b.start))[0];
  if (current) return current;
  const repeat = ctx.policy.overdueRepeatDays;
  const nextAfterLast = runs
    .filter((run) => run.sent > 0)
    .map((run) => addPolicyDays(run.start, repeat * run.sent))
    .sort()
    .pop();
  const start = nextAfterLast && nextAfterLast > opening ? nextAfterLast : opening;
  return { key: `report:overdue:${start}`, start };
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

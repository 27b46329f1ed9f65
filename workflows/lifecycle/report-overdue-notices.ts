import type { CaseSnapshot } from '../definitions/case';
import { addDays, civilDateOf, startOfDay, type CivilDate } from '../definitions/civil-date';
import type { NoticeDraft } from './notice-drafts';
import { dueReportYears, reportDeadline } from './reports';
import type { ScheduleContext, Series } from './schedule';
import { atNotice, firstWorkingDayOfWeek, noticeFrom, weekStartOf } from './working-days';

/** Weeks looked ahead for one with a working day (the longest holiday rests at most two calendar weeks). */
const MAX_RESTING_WEEKS = 4;

/** When a report was overdue: from its deadline (R-CAL-3 moved) until it was filed (never, while it is missing). */
interface OverdueSpan {
  from: string;
  until: number;
}

/**
 * R-RPT-6: the series of overdue notices about the yearly reports — one per case per calendar week (Monday–Sunday,
 * Chongqing), at 09:00 of the week's first working day while any report is overdue; in the week a report falls overdue
 * when none was, at 09:00 of the first working day after its deadline. Each week is its own series, keyed by its
 * Monday, so a week's notice goes out once whatever else changes: the current week's and the next one's are active.
 */
export function overdueNoticeSeries(
  state: CaseSnapshot,
  ctx: ScheduleContext,
  notices: (at: string) => NoticeDraft[],
): Series[] {
  const spans: OverdueSpan[] = dueReportYears(state, ctx.now).map((year) => ({
    from: reportDeadline(year, ctx),
    until: Date.parse(state.reports.find((r) => r.year === year)?.submittedAt ?? '') || Infinity,
  }));
  const overdueAt = (at: string): boolean => spans.some((span) => span.from <= at && Date.parse(at) < span.until);
  /** The instant of the week's notice, if the week has one. */
  const noticeOfWeek = (monday: CivilDate): string | undefined => {
    const firstDay = firstWorkingDayOfWeek(ctx.calendar, monday);
    const openings = spans
      .map((span) => noticeFrom(ctx.calendar, span.from))
      .filter((at) => weekStartOf(civilDateOf(at)) === monday);
    return [...(firstDay ? [atNotice(firstDay)] : []), ...openings].sort().find(overdueAt);
  };
  const thisWeek = weekStartOf(civilDateOf(ctx.now));
  const weeks = [thisWeek, nextNoticeWeek(spans, thisWeek, ctx, noticeOfWeek)];
  return weeks.flatMap((monday) => {
    const at = monday === undefined ? undefined : noticeOfWeek(monday);
    if (at === undefined) return [];
    return [{ key: `report:overdue:${monday}`, at: (i: number) => (i === 0 ? at : null), notices: () => notices(at) }];
  });
}

/**
 * The week after `thisWeek` with the next notice, as the reports stand: the next week with a working day while a
 * report missing by then is overdue; else the week the next missing report falls overdue.
 */
function nextNoticeWeek(
  spans: OverdueSpan[],
  thisWeek: CivilDate,
  ctx: ScheduleContext,
  noticeOfWeek: (monday: CivilDate) => string | undefined,
): CivilDate | undefined {
  const nextWeek = addDays(thisWeek, 7);
  const missing = spans.filter((span) => span.until === Infinity).map((span) => span.from);
  if (missing.some((from) => from < startOfDay(nextWeek))) {
    for (let week = 0; week < MAX_RESTING_WEEKS; week += 1) {
      const monday = addDays(nextWeek, 7 * week);
      if (noticeOfWeek(monday)) return monday;
    }
    return undefined;
  }
  const next = missing.sort()[0];
  return next === undefined ? undefined : weekStartOf(civilDateOf(noticeFrom(ctx.calendar, next)));
}

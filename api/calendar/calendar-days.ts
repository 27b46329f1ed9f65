import { partsOf, type CivilDate } from '../../workflows/definitions/civil-date';
import type { WorkCalendar } from '../../workflows/definitions/work-calendar';

/** What a listed day is: a rest day of a holiday arrangement, or a make-up working day (调休上班). */
export const CALENDAR_DAY_KINDS = ['rest', 'working'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** The longest range one answer covers: a year and a day, so that any whole year fits, leap or not. */
export const MAX_CALENDAR_SPAN_DAYS = 366;

/** One day that is not what its weekday alone makes it. */
export interface CalendarDay {
  date: CivilDate;
  kind: CalendarDayKind;
  /** The holiday's name as its arrangement states it (国庆节; 国庆节调休 for a make-up working day). */
  reason: string;
  /** The day's year has no published arrangement (R-CAL-3): the day may still change. */
  provisional: boolean;
}

/** The listed days of a range, and the years of it whose arrangement is not published. */
export interface CalendarDays {
  days: CalendarDay[];
  provisionalYears: number[];
}

const DAY_MS = 86_400_000;

/**
 * True when `to` is more than {@link MAX_CALENDAR_SPAN_DAYS} days after `from`: counted on the days' UTC midnights
 * (`Date.parse` reads `YYYY-MM-DD` so), which also holds for years before 100, where `Date.UTC` would add 1900.
 */
export const isSpanTooLong = (from: CivilDate, to: CivilDate): boolean =>
  Date.parse(to) - Date.parse(from) > MAX_CALENDAR_SPAN_DAYS * DAY_MS;

/**
 * R-CAL-3 for a date picker: the days of `from`..`to` (Chongqing days, both inclusive) that the weekdays alone do not
 * tell — each rest day of a holiday arrangement (its weekend days too, named after the holiday) and each make-up
 * working day — in date order. Every other Saturday and Sunday is a rest day, every other day a working day. A year
 * without a published arrangement lists the holidays the law fixes (provisional) and is named in `provisionalYears`.
 */
export function calendarDays(calendar: WorkCalendar, from: CivilDate, to: CivilDate): CalendarDays {
  const published = new Set(calendar.years);
  const yearOf = (date: CivilDate): number => partsOf(date).year;
  // A year before every published one is history the calendar has no data for, not an arrangement still to come;
  // a calendar with no published year at all starts after the installed data (the future).
  const firstPublished = calendar.years.length > 0 ? Math.min(...calendar.years) : -Infinity;
  const provisional = (year: number): boolean => !published.has(year) && !(year < firstPublished);
  const listed = (days: Record<CivilDate, string>, kind: CalendarDayKind): CalendarDay[] =>
    Object.entries(days)
      .filter(([date]) => date >= from && date <= to)
      .map(([date, reason]) => ({ date, kind, reason, provisional: provisional(yearOf(date)) }));
  const days = [...listed(calendar.restDays, 'rest'), ...listed(calendar.workdays, 'working')].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const provisionalYears: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year += 1) if (provisional(year)) provisionalYears.push(year);
  return { days, provisionalYears };
}

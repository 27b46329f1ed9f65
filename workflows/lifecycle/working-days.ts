import {
  addDays,
  civilDateOf,
  dueDateOf,
  endOfDay,
  partsOf,
  startOfDay,
  type CivilDate,
} from '../definitions/civil-date';
import { REST_DAY_REASONS, type CaseCalendar, type WorkCalendar } from '../definitions/work-calendar';

/*
 * R-CAL-3, the working-day calendar (Civil Code art. 203): pure functions over a {@link WorkCalendar}, free of Node
 * builtins (workflow-safe). A day is a working day unless it is a statutory holiday or rest day of the year's
 * arrangement, or a weekend that is not a make-up working day (调休上班). Years without a published arrangement have
 * no entries: their weekends are their rest days.
 */

/** Reminders and notices go out at 09:00 Chongqing. */
export const NOTICE_HOUR = 9;
/** How far a day is moved at most: longer than any holiday (the Spring Festival and National Day run 8–9 days). */
const MAX_SHIFT_DAYS = 31;

const weekday = (date: CivilDate): number => {
  const { year, month, day } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
};

/** Why `date` is a rest day (the holiday's name, 周六 or 周日), or undefined for a working day. */
export function restReason(calendar: WorkCalendar, date: CivilDate): string | undefined {
  const holiday = calendar.restDays[date];
  if (holiday) return holiday;
  if (calendar.workdays[date]) return undefined;
  const day = weekday(date);
  return day === 6 ? REST_DAY_REASONS.saturday : day === 0 ? REST_DAY_REASONS.sunday : undefined;
}

/** R-CAL-3: a working day (a make-up working day counts as one). */
export const isWorkingDay = (calendar: WorkCalendar, date: CivilDate): boolean => !restReason(calendar, date);

function walk(calendar: WorkCalendar, from: CivilDate, step: 1 | -1): CivilDate {
  let date = from;
  for (let i = 0; i <= MAX_SHIFT_DAYS; i += 1, date = addDays(date, step))
    if (isWorkingDay(calendar, date)) return date;
  throw new RangeError(`no working day within ${MAX_SHIFT_DAYS} days of ${from}: the calendar data is wrong`);
}

/** `date` itself when it is a working day, else the first working day after it. */
export const workingDayOnOrAfter = (calendar: WorkCalendar, date: CivilDate): CivilDate => walk(calendar, date, 1);
/** `date` itself when it is a working day, else the last working day before it. */
export const workingDayOnOrBefore = (calendar: WorkCalendar, date: CivilDate): CivilDate => walk(calendar, date, -1);
/** The first working day after `date` (what an officer is told to choose instead of a rest day). */
export const nextWorkingDay = (calendar: WorkCalendar, date: CivilDate): CivilDate =>
  workingDayOnOrAfter(calendar, addDays(date, 1));

/**
 * A deadline as R-CAL-3 moves it: its day and instant, and the day it moved from, and why, when it moved; `provisional`
 * when either day's year has no published arrangement (its law-fixed holidays decided: it may move again).
 */
export interface ShiftedDeadline {
  dueAt: string;
  dueDate: CivilDate;
  shiftedFrom?: CivilDate;
  reason?: string;
  provisional?: true;
}

/**
 * R-CAL-3: the deadline a period computes for the instant `nominalDueAt` (the end of its day D, R-CAL-1): D when it
 * is a working day, else the first working day after it — and never before the day already announced for D (then
 * the reason says so: the newer arrangement alone would have put it earlier).
 */
export function deadlineFor(calendar: CaseCalendar, nominalDueAt: string): ShiftedDeadline {
  const nominal = dueDateOf(nominalDueAt);
  const shifted = workingDayOnOrAfter(calendar, nominal);
  const floor = calendar.floors[nominal];
  const floored = floor !== undefined && floor > shifted;
  const dueDate = floored ? floor : shifted;
  const unpublished = (date: CivilDate) => !calendar.years.includes(partsOf(date).year);
  const provisional = unpublished(nominal) || unpublished(dueDate) ? { provisional: true as const } : {};
  if (dueDate === nominal) return { dueAt: nominalDueAt, dueDate, ...provisional };
  const reason = floored ? REST_DAY_REASONS.announced : restReason(calendar, nominal);
  return { dueAt: endOfDay(dueDate), dueDate, shiftedFrom: nominal, reason, ...provisional };
}

/** The Monday of the calendar week (Monday–Sunday) that `date` falls in. */
export const weekStartOf = (date: CivilDate): CivilDate => addDays(date, -((weekday(date) + 6) % 7));

/** The first working day of the week beginning on the Monday `monday`, or undefined when the whole week rests. */
export function firstWorkingDayOfWeek(calendar: WorkCalendar, monday: CivilDate): CivilDate | undefined {
  for (let i = 0; i < 7; i += 1) if (isWorkingDay(calendar, addDays(monday, i))) return addDays(monday, i);
  return undefined;
}

/** 09:00 Chongqing on `date`. */
export const atNotice = (date: CivilDate): string =>
  new Date(Date.parse(startOfDay(date)) + NOTICE_HOUR * 3_600_000).toISOString();

/** R-CAL-3: a reminder `days` before the deadline day `dueDate`: 09:00 of that day, or the last working day before. */
export const reminderAt = (calendar: WorkCalendar, dueDate: CivilDate, days: number): string =>
  atNotice(workingDayOnOrBefore(calendar, addDays(dueDate, -days)));

/**
 * R-CAL-3: a notice due from `instant` on (e.g. a weekly overdue notice): 09:00 of its Chongqing day — the day that
 * begins at a deadline's midnight — or of the first working day after, never before `instant` itself.
 */
export function noticeFrom(calendar: WorkCalendar, instant: string): string {
  const day = civilDateOf(instant);
  const sameDay = atNotice(day);
  const first = sameDay >= new Date(instant).toISOString() ? day : addDays(day, 1);
  return atNotice(workingDayOnOrAfter(calendar, first));
}

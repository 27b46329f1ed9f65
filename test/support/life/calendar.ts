/**
 * The Chongqing civil calendar as the random lives need it (R-CAL-1, R-CAL-2), computed here independently of
 * workflows/definitions/civil-date.ts: the model's advances and the invariants' expected dates must not inherit
 * a bug of the code they test.
 */

import { isWorkday } from 'chinese-days';
import installedData from 'chinese-days/dist/chinese-days.json';
import { lawFixedHolidays } from '../../../persistence/reference/law-fixed-holidays';

const DAY_MS = 86_400_000;
/** Chongqing is UTC+8 all year (no daylight saving time). */
export const CQ_MS = 8 * 3_600_000;

/** An instant in the ISO form the case state uses. */
export const iso = (ms: number): string => new Date(ms).toISOString();
/** The Chongqing calendar day of an instant, computed here independently of workflows/civil-date.ts. */
export const cqDay = (instant: string | number): string =>
  iso((typeof instant === 'number' ? instant : Date.parse(instant)) + CQ_MS).slice(0, 10);
/** The Chongqing calendar year of an instant. */
export const cqYear = (instant: string | number): number => Number(cqDay(instant).slice(0, 4));
/** The calendar day `days` after `day` (YYYY-MM-DD). */
export const plusDays = (day: string, days: number): string =>
  iso(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).slice(0, 10);
/** Same month and day `years` later, 29 Feb → 28 Feb (R-CAL-2). */
export function plusYears(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = day.slice(5) === '02-29' && !leap ? '02-28' : day.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}
/** R-CAL-1: a deadline on day D ends at D 24:00 Chongqing = D 16:00 UTC. */
export const endOfCqDay = (day: string): string => `${day}T16:00:00.000Z`;

/** The years the installed `chinese-days` data has an arrangement for. */
const PUBLISHED = new Set(Object.keys(installedData.holidays).map((day) => Number(day.slice(0, 4))));
const LAW_FIXED = new Map<number, Record<string, string>>();
/**
 * R-CAL-3, computed here from the npm `chinese-days` package's own `isWorkday` (not workflows/lifecycle/working-days);
 * in a year it has no arrangement for, the holidays the law fixes rest too (their dates are checked by
 * test/unit/provisional-calendar.test.ts).
 */
function isWorkingDay(day: string): boolean {
  const year = Number(day.slice(0, 4));
  if (PUBLISHED.has(year)) return isWorkday(day);
  if (!LAW_FIXED.has(year)) LAW_FIXED.set(year, lawFixedHolidays(year));
  return isWorkday(day) && LAW_FIXED.get(year)![day] === undefined;
}
/** R-CAL-3: `day` when it is a working day, else the first working day after it. */
export function cqWorkdayFrom(day: string): string {
  let candidate = day;
  while (!isWorkingDay(candidate)) candidate = plusDays(candidate, 1);
  return candidate;
}
/** R-CAL-3: whether the Chongqing day of `instant` is a working day and `instant` is 09:00 there. */
export const atNineOnWorkday = (instant: string): boolean =>
  isWorkingDay(cqDay(instant)) && iso(Date.parse(instant) + CQ_MS).slice(11) === '09:00:00.000Z';

/**
 * Chongqing civil dates (policy.md R-CAL-1, R-CAL-2): the one place where a policy date, a deadline or a year is
 * computed. Every policy date is a Chongqing calendar day (UTC+8, no daylight saving); a deadline *on day D*
 * ends at D 24:00 Chongqing, the instant D 16:00 UTC (exclusive). Periods are counted as the Civil Code counts
 * them (arts. 201–203): the day of the event is not counted. Pure and free of Node builtins (workflow-safe).
 */

/** A Chongqing calendar day, `YYYY-MM-DD`. */
export type CivilDate = string;

const DAY_MS = 86_400_000;
/** Chongqing is UTC+8 all year. */
export const CHONGQING_OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const format = (year: number, month: number, day: number): CivilDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The year, month (1–12) and day of a civil date. */
export function partsOf(date: CivilDate): { year: number; month: number; day: number } {
  const match = DATE_ONLY.exec(date);
  if (!match) throw new RangeError(`not a civil date (YYYY-MM-DD): ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** True for a real calendar day written `YYYY-MM-DD` (e.g. not `2027-02-30`). */
export function isCivilDate(text: unknown): text is CivilDate {
  if (typeof text !== 'string' || !DATE_ONLY.test(text)) return false;
  const { year, month, day } = partsOf(text);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The Chongqing day an instant falls on. */
export function civilDateOf(instant: string | number): CivilDate {
  const local = new Date((typeof instant === 'number' ? instant : Date.parse(instant)) + CHONGQING_OFFSET_MS);
  return format(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** R-CAL-1: the Chongqing year of an instant ("year N" of a report, a certificate, a statistic). */
export const chongqingYear = (instant: string): number => partsOf(civilDateOf(instant)).year;

/** R-CAL-1: the instant a deadline on day `date` passes — D 24:00 Chongqing = D 16:00 UTC — as an ISO string. */
export function endOfDay(date: CivilDate): string {
  const { year, month, day } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day + 1) - CHONGQING_OFFSET_MS).toISOString();
}

/** The instant day `date` begins, 00:00 Chongqing. */
export const startOfDay = (date: CivilDate): string => new Date(Date.parse(endOfDay(date)) - DAY_MS).toISOString();

/** The day whose end is the deadline instant `dueAt` (its `dueDate`): the day of the last instant before it. */
export const dueDateOf = (dueAt: string): CivilDate => civilDateOf(Date.parse(dueAt) - 1);

/** Whether an instant is the end of a Chongqing day (D 24:00), as every deadline is. */
export const isEndOfDay = (instant: string): boolean =>
  Date.parse(endOfDay(dueDateOf(instant))) === Date.parse(instant);

/** `days` calendar days after (or, negative, before) `date`. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const { year, month, day } = partsOf(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/**
 * R-CAL-2: the same month and day `years` later, or that month's last day when it has no such day (29 Feb → 28 Feb).
 */
export function addYears(date: CivilDate, years: number): CivilDate {
  const { year, month, day } = partsOf(date);
  return format(year + years, month, Math.min(day, daysInMonth(year + years, month)));
}

/** R-CAL-2: the deadline *n days after* the event at `instant`: day D+n (D, the event's day, not counted), 24:00. */
export const deadlineDaysAfter = (instant: string, days: number): string =>
  endOfDay(addDays(civilDateOf(instant), days));

/** R-CAL-2: the deadline *n years after* the event at `instant`: the same month and day n years later, 24:00. */
export const deadlineYearsAfter = (instant: string, years: number): string =>
  endOfDay(addYears(civilDateOf(instant), years));

/** The deadline on day `month`/`day` of `year` (e.g. 31 March), 24:00 Chongqing. */
export const deadlineOn = (year: number, month: number, day: number): string => endOfDay(format(year, month, day));

/** 1 January 00:00 Chongqing of `year`: where reporting year `year` begins. */
export const startOfYear = (year: number): string => startOfDay(format(year, 1, 1));

/** 1 January 00:00 Chongqing after the instant: the next reporting-year boundary. */
export const nextYearStart = (instant: string): string => startOfYear(chongqingYear(instant) + 1);

/** True when the deadline instant `dueAt` has passed at `now` (exclusive: a filing at the deadline is late). */
export const isPast = (dueAt: string, now: string): boolean => Date.parse(now) >= Date.parse(dueAt);

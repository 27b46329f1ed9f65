import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addDays, type CivilDate } from '../../workflows/definitions/civil-date';
import type { HolidayArrangement } from '../../workflows/definitions/work-calendar';

/*
 * R-CAL-3 for a year whose State Council arrangement is not published yet: the holidays the law itself fixes
 * (全国年节及纪念日放假办法, 2024 revision, art. 2 and art. 6), computed with npm `chinese-days`' lunar calendar and
 * solar terms. Built where the calendar is built (persistence), never in workflow code: it reaches a case inside the
 * calendar its activity returns.
 */

/** Where provisional days come from, as the calendar names their source. */
export const LAW_FIXED_SOURCE = '全国年节及纪念日放假办法（2024年修订）';

const pad = (n: number): string => String(n).padStart(2, '0');
const isWeekend = (date: CivilDate): boolean => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const run = (first: CivilDate, days: number, name: string): Array<[CivilDate, string]> =>
  Array.from({ length: days }, (_, i) => [addDays(first, i), name]);

/** The last year of `chinese-days`' lunar and solar-term tables (1900–2100): past it, their dates are meaningless. */
export const LUNAR_TABLE_LAST_YEAR = 2100;

/**
 * Art. 2: the national holidays of `year`, by day, in the order of the year. Past the lunar table only the holidays
 * on fixed days of the Gregorian year (元旦, 劳动节, 国庆节) can be known.
 */
function statutoryDays(year: number): Array<[CivilDate, string]> {
  const fixed: Array<[CivilDate, string]> = [
    [`${year}-01-01`, '元旦'],
    ...run(`${year}-05-01`, 2, '劳动节'),
    ...run(`${year}-10-01`, 3, '国庆节'),
  ];
  if (year > LUNAR_TABLE_LAST_YEAR) return fixed;
  const lunar = (month: number, day: number): CivilDate =>
    getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;
  const [newYear, labourDay, nationalDay] = [fixed.slice(0, 1), fixed.slice(1, 3), fixed.slice(3)];
  return [
    ...newYear,
    ...run(addDays(lunar(1, 1), -1), 4, '春节'), // 除夕 (the eve) to the 3rd day of the first lunar month
    [getSolarTermDate(year, 4, 'pure_brightness'), '清明节'],
    ...labourDay,
    [lunar(5, 5), '端午节'],
    [lunar(8, 15), '中秋节'],
    ...nationalDay,
  ];
}

/**
 * The rest days the law fixes for `year`: its holidays, and for each one on a Saturday or Sunday a make-up rest day
 * (`<name>补休`) on the next working day not already resting (art. 6). Weekends are rest days anyway: not listed.
 */
export function lawFixedHolidays(year: number): Record<CivilDate, string> {
  const rest: Record<CivilDate, string> = {};
  const holidays = statutoryDays(year);
  // A day two holidays share (中秋 on 1 October) rests once, under both names: the law adds no day for it.
  for (const [date, name] of holidays) rest[date] = rest[date] ? `${rest[date]}、${name}` : name;
  for (const [date, name] of holidays.filter(([date]) => isWeekend(date)).sort(([a], [b]) => a.localeCompare(b))) {
    let makeUp = addDays(date, 1);
    while (isWeekend(makeUp) || rest[makeUp]) makeUp = addDays(makeUp, 1);
    rest[makeUp] = `${name}补休`;
  }
  return rest;
}

/** The provisional arrangement of a year without a published one (R-CAL-3): its law-fixed rest days only. */
export const provisionalArrangement = (year: number): HolidayArrangement => ({
  year,
  source: LAW_FIXED_SOURCE,
  restDays: lawFixedHolidays(year),
  workdays: {},
});

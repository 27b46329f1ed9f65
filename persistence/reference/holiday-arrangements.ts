import { createHash } from 'node:crypto';
import installedData from 'chinese-days/dist/chinese-days.json';
import { version as installedVersion } from 'chinese-days/package.json';
import { isCivilDate, partsOf } from '../../workflows/definitions/civil-date';
import type { HolidayArrangement, WorkCalendar } from '../../workflows/definitions/work-calendar';
import { provisionalArrangement } from './law-fixed-holidays';

/** The installed data's name and version, as recorded with every calendar built from it. */
export const INSTALLED_DATA = `chinese-days@${installedVersion}`;

/** `"National Day,国庆节,3"` → `国庆节`: the holiday's Chinese name. */
const chineseName = (entry: string): string => entry.split(',')[1] ?? entry;

/** The arrangements of the installed npm `chinese-days` data, one per year it covers. */
export function installedArrangements(): HolidayArrangement[] {
  const byYear = new Map<number, HolidayArrangement>();
  const yearOf = (date: string): HolidayArrangement => {
    const year = partsOf(date).year;
    let arrangement = byYear.get(year);
    if (!arrangement) byYear.set(year, (arrangement = { year, source: INSTALLED_DATA, restDays: {}, workdays: {} }));
    return arrangement;
  };
  for (const [date, entry] of Object.entries(installedData.holidays)) yearOf(date).restDays[date] = chineseName(entry);
  for (const [date, entry] of Object.entries(installedData.workdays))
    yearOf(date).workdays[date] = `${chineseName(entry)}调休`;
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** An imported year's version: the first 8 hex digits of its canonical JSON's SHA-256. */
export function arrangementDigest(arrangement: HolidayArrangement): string {
  const canonical = (days: Record<string, string>) =>
    Object.keys(days)
      .sort()
      .map((day) => [day, days[day]]);
  const text = JSON.stringify([arrangement.year, canonical(arrangement.restDays), canonical(arrangement.workdays)]);
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * The calendar from `fromYear` on: the installed years, each replaced by an imported arrangement of the same year,
 * and — R-CAL-3 — each year through `toYear` without either resting on the holidays the law fixes (provisional: not
 * among its published `years`; without `toYear`, no provisional year). Its version names the installed data and each
 * imported year (`chinese-days@1.5.7+2027:1a2b3c4d`): provisional days follow from the installed package alone.
 */
export function workCalendarOf(imported: HolidayArrangement[], fromYear: number, toYear?: number): WorkCalendar {
  const years = new Map(installedArrangements().map((a) => [a.year, a] as const));
  for (const arrangement of imported) years.set(arrangement.year, arrangement);
  const used = [...years.values()].filter((a) => a.year >= fromYear).sort((a, b) => a.year - b.year);
  // Provisional years are the ones still to be published: none before the first year of the installed data (the
  // past the package does not cover has no arrangement to wait for).
  const provisional: HolidayArrangement[] = [];
  const firstPublished = Math.min(...years.keys());
  for (let year = Math.max(fromYear, firstPublished); year <= (toYear ?? fromYear - 1); year += 1)
    if (!years.has(year)) provisional.push(provisionalArrangement(year));
  const importedTags = imported
    .filter((a) => a.year >= fromYear)
    .sort((a, b) => a.year - b.year)
    .map((a) => `+${a.year}:${arrangementDigest(a)}`);
  return {
    version: `${INSTALLED_DATA}${importedTags.join('')}`,
    years: used.map((a) => a.year),
    restDays: Object.assign({}, ...[...used, ...provisional].map((a) => a.restDays)),
    workdays: Object.assign({}, ...used.map((a) => a.workdays)),
  };
}

const MAX_NAME = 40;

/** Checks an arrangement file an operator imports; each problem names the field. */
export function validateArrangement(input: unknown): { arrangement?: HolidayArrangement; problems: string[] } {
  const problems: string[] = [];
  const value = (input ?? {}) as Partial<HolidayArrangement>;
  const year = value.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100)
    problems.push('year: must be a year between 2000 and 2100');
  if (typeof value.source !== 'string' || value.source.trim() === '')
    problems.push('source: name the notice the arrangement comes from (e.g. 国办发明电〔2026〕…号)');
  const days = (field: 'restDays' | 'workdays'): Record<string, string> => {
    const map = value[field];
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      problems.push(`${field}: must be an object of "YYYY-MM-DD": "name"`);
      return {};
    }
    for (const [date, name] of Object.entries(map)) {
      if (!isCivilDate(date) || partsOf(date).year !== year) problems.push(`${field}.${date}: not a day of ${year}`);
      if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME)
        problems.push(`${field}.${date}: the name must be 1–${MAX_NAME} characters`);
    }
    return map as Record<string, string>;
  };
  const restDays = days('restDays');
  const workdays = days('workdays');
  for (const date of Object.keys(workdays)) {
    if (restDays[date]) problems.push(`workdays.${date}: is also a rest day`);
    if (isCivilDate(date) && ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()))
      problems.push(`workdays.${date}: must be a Saturday or Sunday (a make-up working day, 调休上班)`);
  }
  if (problems.length > 0) return { problems };
  return { arrangement: { year: year as number, source: value.source as string, restDays, workdays }, problems };
}

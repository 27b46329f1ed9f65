import { chongqingYear } from '../definitions/civil-date';
import type { CaseSnapshot, DeadlineKind } from '../definitions/case';
import type { CaseCalendar, WorkCalendar } from '../definitions/work-calendar';
import { deadlinesOf } from './deadlines';
import { activeSeries, type ScheduleContext } from './schedule';

/** One pending deadline a newer arrangement moved. */
export interface MovedDeadline {
  kind: DeadlineKind;
  from: string;
  to: string;
}

/**
 * R-CAL-3, a newer arrangement arrives: the case's calendar becomes `loaded`, and every pending deadline is
 * recomputed by it — never earlier than the day already announced (that day is kept as the deadline's floor).
 * Returns the new calendar and the deadlines whose day changed.
 */
export function recalendar(
  state: CaseSnapshot,
  ctx: ScheduleContext & { calendar: CaseCalendar },
  loaded: WorkCalendar,
): { calendar: CaseCalendar; moved: MovedDeadline[] } {
  const byNominal = (calendar: CaseCalendar) =>
    new Map(deadlinesOf(state, { ...ctx, calendar }).map((d) => [`${d.kind}:${d.shiftedFrom ?? d.dueDate}`, d]));
  const announced = byNominal(ctx.calendar);
  const unfloored = byNominal({ ...loaded, floors: {} });
  const floors = { ...ctx.calendar.floors };
  for (const [key, before] of announced) {
    const after = unfloored.get(key);
    const nominal = before.shiftedFrom ?? (before.dueDate as string);
    if (after && (after.dueDate as string) < (before.dueDate as string)) floors[nominal] = before.dueDate as string;
  }
  const calendar: CaseCalendar = { ...loaded, floors };
  const moved: MovedDeadline[] = [];
  for (const [key, after] of byNominal(calendar)) {
    const before = announced.get(key);
    if (before && before.dueDate !== after.dueDate)
      moved.push({ kind: after.kind, from: before.dueDate as string, to: after.dueDate as string });
  }
  return { calendar, moved };
}

/**
 * The first year of holiday data the case still needs (when its run ends, or when it reads a newer arrangement): the
 * year before the current one, or an older one where a pending deadline or a running series began (their days and
 * notices are counted from there, and must come out the same).
 */
export function calendarYearsFrom(state: CaseSnapshot, ctx: ScheduleContext): number {
  const years = [chongqingYear(ctx.now) - 1];
  for (const deadline of deadlinesOf(state, ctx))
    years.push(Number((deadline.shiftedFrom ?? deadline.dueDate)!.slice(0, 4)));
  for (const series of activeSeries(state, ctx))
    for (const [date] of series.key.matchAll(/\d{4}-\d{2}-\d{2}/g)) years.push(Number(date.slice(0, 4)));
  return Math.min(...years);
}

import type { CaseSnapshot, Deadline, DeadlineKind } from '../definitions/case';
import { dueDateOf } from '../definitions/civil-date';
import type { CaseCalendar, DeadlineFloors, WorkCalendar } from '../definitions/work-calendar';
import { deadlinesOf } from './deadlines';
import type { ScheduleContext } from './schedule';

/** One pending deadline a newer arrangement moved. */
export interface MovedDeadline {
  kind: DeadlineKind;
  from: string;
  to: string;
}

/** The day a deadline falls on. */
const dayOf = (deadline: Deadline): string => deadline.dueDate ?? dueDateOf(deadline.dueAt);
/** The day a deadline's period ended on, before any move off a rest day. */
const nominalDayOf = (deadline: Deadline): string => deadline.shiftedFrom ?? dayOf(deadline);
/** A deadline's identity across arrangements: its kind and its nominal day. */
const nominalKey = (deadline: Deadline): string => `${deadline.kind}:${nominalDayOf(deadline)}`;

/**
 * R-CAL-3, a newer arrangement arrives: the case's calendar becomes `loaded`, and every pending deadline is
 * recomputed by it — never earlier than the day already announced (`state.deadlines`, as the case last recorded
 * them: that day is kept as the deadline's floor, beside the case's earlier `floors`). Returns the new calendar and
 * the deadlines whose day changed.
 */
export function recalendar(
  state: CaseSnapshot,
  ctx: Omit<ScheduleContext, 'calendar'>,
  loaded: WorkCalendar,
  floors: DeadlineFloors,
): { calendar: CaseCalendar; moved: MovedDeadline[] } {
  const byNominal = (calendar: CaseCalendar) =>
    new Map(deadlinesOf(state, { ...ctx, calendar }).map((d) => [nominalKey(d), d]));
  const announced = new Map(state.deadlines.map((d) => [nominalKey(d), d]));
  const unfloored = byNominal({ ...loaded, floors: {} });
  const kept = { ...floors };
  for (const [key, before] of announced) {
    const after = unfloored.get(key);
    if (after && dayOf(after) < dayOf(before)) kept[nominalDayOf(before)] = dayOf(before);
  }
  const calendar: CaseCalendar = { ...loaded, floors: kept };
  const moved: MovedDeadline[] = [];
  for (const [key, after] of byNominal(calendar)) {
    const before = announced.get(key);
    if (before && dayOf(before) !== dayOf(after))
      moved.push({ kind: after.kind, from: dayOf(before), to: dayOf(after) });
  }
  return { calendar, moved };
}

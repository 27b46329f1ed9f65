import { dueDateOf } from '../definitions/civil-date';
import { addPolicyDays } from '../definitions/policy-time';
import type { ScheduleContext } from './schedule';
import { noticeFrom, reminderAt } from './working-days';

/* When a series' elements happen (lifecycle/schedule.ts): at 09:00 Chongqing on working days (R-CAL-3). */

export type Timing = (index: number) => string | null;

/**
 * R-CAL-3: a series' elements in order even where moving them to working days would swap or join them: each element
 * at least at the one before (joined elements fire together; {@link fireDue} sends the later one's notices once).
 */
const inOrder =
  (at: Timing): Timing =>
  (index) => {
    let placed = null as string | null;
    for (let i = 0; i <= index; i += 1) {
      const here = at(i);
      if (here === null) return null;
      placed = placed !== null && placed > here ? placed : here;
    }
    return placed;
  };

/**
 * Reminders `days` before the deadline `due`: at 09:00 of day D−n, or of the last working day before it (R-CAL-3); one
 * whose day came before its window opened (`opened`) at 09:00 of the first working day after that.
 */
export const before = (ctx: ScheduleContext, due: string, days: number[], opened: string): Timing => {
  const sorted = [...days].sort((a, b) => b - a);
  const calendar = ctx.calendar;
  const earliest = noticeFrom(calendar, opened);
  return inOrder((index) => {
    if (index >= sorted.length) return null;
    const at = reminderAt(calendar, dueDateOf(due), sorted[index]);
    return at < earliest ? earliest : at;
  });
};
export const once =
  (at: string): Timing =>
  (index: number) =>
    index === 0 ? at : null;
/**
 * Every `days` from `start`. R-CAL-3: each at 09:00 of a working day from its instant on, and at least `days` after
 * the one before (a notice moved past a holiday pushes the next one along: never two within a week, R-RPT-6).
 */
export const everyDaysFrom = (ctx: ScheduleContext, start: string, days: number): Timing => {
  const calendar = ctx.calendar;
  const at = (index: number) => addPolicyDays(start, index * days);
  const placed = placementsOf(calendar, `${start}|${days}`);
  return (index) => {
    for (let i = placed.length; i <= index; i += 1) {
      const due = at(i);
      const weekAfter = i === 0 ? due : addPolicyDays(placed[i - 1], days);
      placed.push(noticeFrom(calendar, due > weekAfter ? due : weekAfter));
    }
    return placed[index];
  };
};

/**
 * The instants of each weekly series computed so far, per calendar object (a run's calendar, replaced when it
 * changes): each element depends on the one before, and the series are rebuilt at every wake-up of a long case.
 */
const PLACEMENTS = new WeakMap<object, Map<string, string[]>>();
function placementsOf(calendar: object, series: string): string[] {
  let byCalendar = PLACEMENTS.get(calendar);
  if (!byCalendar) PLACEMENTS.set(calendar, (byCalendar = new Map()));
  let placed = byCalendar.get(series);
  if (!placed) byCalendar.set(series, (placed = []));
  return placed;
}

/**
 * R-RPT-6 as the random lives check it, computed here independently of workflows/lifecycle: the calendar week
 * (Monday–Sunday, Chongqing) of a notice, and the instants an overdue notice may go out at in its week.
 */
import { cqDay, cqWorkdayFrom, plusDays } from './calendar';

/** The Monday of the Chongqing calendar week of `instant`. */
export function cqWeekOf(instant: string): string {
  const day = cqDay(instant);
  return plusDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** 09:00 Chongqing (01:00 UTC) of `day`. */
const nineOn = (day: string): string => `${day}T01:00:00.000Z`;

/**
 * When an overdue notice may go out in the week beginning `monday`: 09:00 of the week's first working day, or of the
 * first working day after one of the report `deadlines` (instants ending a Chongqing day, already moved off rest days).
 */
export function overdueNoticeTimes(monday: string, deadlines: string[]): string[] {
  const firstWorkday = cqWorkdayFrom(monday);
  const times = firstWorkday < plusDays(monday, 7) ? [nineOn(firstWorkday)] : [];
  return [...times, ...deadlines.map((due) => nineOn(cqWorkdayFrom(plusDays(due.slice(0, 10), 1))))];
}

import { deadlineDaysAfter, deadlineYearsAfter, dueDateOf, endOfDay } from '../definitions/civil-date';
import { addPolicyDays } from '../policy-time';
import type { Context } from './outcome';
import { deadlineFor, type ShiftedDeadline } from './working-days';

/*
 * Deadline arithmetic under the case's rules. Runs started before the patch 'civil-calendar-rules' (issue 9)
 * replay with `ctx.civil === false`: their deadlines were instants n × 24 h after the event, and their timers
 * must fire where they fired. Every run started since counts Chongqing days (R-CAL-1, R-CAL-2).
 */

/** The deadline `days` after the event at `instant` (R-CAL-2: day D+n, 24:00 Chongqing). */
export const daysAfter = (ctx: Pick<Context, 'civil'>, instant: string, days: number): string =>
  ctx.civil ? deadlineDaysAfter(instant, days) : addPolicyDays(instant, days);

/** The deadline `years` after the event at `instant` (R-CAL-2: same month and day, 29 Feb → 28 Feb, 24:00). */
export function yearsAfter(ctx: Pick<Context, 'civil'>, instant: string, years: number): string {
  if (ctx.civil) return deadlineYearsAfter(instant, years);
  const date = new Date(instant);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}

/** The deadline a date-only input names (R-CAL-1: the end of that Chongqing day; before, read as an instant). */
export const deadlineOfDate = (ctx: Pick<Context, 'civil'>, date: string): string =>
  ctx.civil ? endOfDay(date) : new Date(date).toISOString();

/**
 * R-CAL-3: the deadline a period computed for `nominalDueAt`, as the case's calendar moves it off rest days. The
 * state keeps nominal deadlines and every use goes through here, so a newer arrangement moves them all at once.
 */
export const effectiveDeadline = (ctx: Pick<Context, 'calendar'>, nominalDueAt: string): ShiftedDeadline =>
  ctx.calendar ? deadlineFor(ctx.calendar, nominalDueAt) : { dueAt: nominalDueAt, dueDate: dueDateOf(nominalDueAt) };

/** The instant of {@link effectiveDeadline}. */
export const dueAtOf = (ctx: Pick<Context, 'calendar'>, nominalDueAt: string): string =>
  effectiveDeadline(ctx, nominalDueAt).dueAt;

import type { Context } from './outcome';
import { deadlineFor, type ShiftedDeadline } from './working-days';

/**
 * R-CAL-3: the deadline a period computed for `nominalDueAt`, as the case's calendar moves it off rest days. The
 * state keeps nominal deadlines and every use goes through here, so a newer arrangement moves them all at once.
 */
export const effectiveDeadline = (ctx: Pick<Context, 'calendar'>, nominalDueAt: string): ShiftedDeadline =>
  deadlineFor(ctx.calendar, nominalDueAt);

/** The instant of {@link effectiveDeadline}. */
export const dueAtOf = (ctx: Pick<Context, 'calendar'>, nominalDueAt: string): string =>
  effectiveDeadline(ctx, nominalDueAt).dueAt;

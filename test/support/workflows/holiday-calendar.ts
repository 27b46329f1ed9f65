import { workCalendarOf } from '../../../persistence/reference/holiday-arrangements';
import type { Deadline, DeadlineKind } from '../../../workflows/definitions/case';
import type { CaseCalendar } from '../../../workflows/definitions/work-calendar';
import { deadlineFor } from '../../../workflows/lifecycle/working-days';

/** The last year a test's case reaches (a ten-year life from now, and its runs' look ahead). */
const LAST_YEAR = 2045;

/**
 * The calendar a case started now reads (R-CAL-3): the installed data, nothing imported; each later year resting on
 * the holidays the law fixes (provisional), as a case's runs read them.
 */
export const installedCalendar = (): CaseCalendar => ({ ...workCalendarOf([], 2000, LAST_YEAR), floors: {} });

/** The deadline a case shows for a period that ends at `nominalDueAt`, moved off rest days (R-CAL-3). */
export function expectedDeadline(kind: DeadlineKind, nominalDueAt: string): Deadline {
  const calendar = installedCalendar();
  const { dueAt, dueDate, shiftedFrom, reason, provisional } = deadlineFor(calendar, nominalDueAt);
  const shift = shiftedFrom ? { shiftedFrom, reason } : {};
  return { kind, dueAt, dueDate, ...shift, ...(provisional && { provisional }), calendarVersion: calendar.version };
}

import { workCalendarOf } from '../../../persistence/reference/holiday-arrangements';
import type { Deadline, DeadlineKind } from '../../../workflows/definitions/case';
import type { CaseCalendar } from '../../../workflows/definitions/work-calendar';
import { deadlineFor } from '../../../workflows/lifecycle/working-days';

/** The calendar a case started now reads (R-CAL-3): the installed data, nothing imported. */
export const installedCalendar = (): CaseCalendar => ({ ...workCalendarOf([], 2000), floors: {} });

/** The deadline a case shows for a period that ends at `nominalDueAt`, moved off rest days (R-CAL-3). */
export function expectedDeadline(kind: DeadlineKind, nominalDueAt: string): Deadline {
  const calendar = installedCalendar();
  const { dueAt, dueDate, shiftedFrom, reason } = deadlineFor(calendar, nominalDueAt);
  return { kind, dueAt, dueDate, ...(shiftedFrom ? { shiftedFrom, reason } : {}), calendarVersion: calendar.version };
}

/**
 * The case workflow's patch ids (`patched()`), one per change to how a running case behaves: a run decides each in its
 * first task, so a run begun before a change replays under the rules it began with (docs/operations.md §6,
 * "Deploying a workflow change safely"). An id never changes once released: recorded histories name it.
 */

/** Cases started before it record each change as a regular activity after the payment instruction. */
export const RECORD_LOCALLY_FIRST = 'record-case-change-locally-first';
/**
 * Changes made before it were recorded by a local activity, inside the workflow task: a task that never became
 * durable (worker or server lost, task timed out) could leave its write behind — a change history does not hold.
 */
export const RECORD_DURABLY = 'record-case-change-durably';
/**
 * Runs started before it keep the rules they began with: instant deadlines, per-year overdue notices, … (issue 9).
 */
export const CIVIL_CALENDAR_RULES = 'civil-calendar-rules';
/**
 * Runs started before it fixed their year boundary when their loop first ran (a slow first task could skip a
 * boundary: the run then held two reporting years), and fired every due event before it, however many. From it, the
 * boundary follows the year of the case's last change, and past it at most a batch of due events is fired (issue 13,
 * lifecycle/run-step.ts).
 */
export const YEAR_BOUNDARY_ON_TIME = 'year-boundary-on-time';
/**
 * Runs started before it count deadlines on every day and send reminders at the deadline's hour; from it, R-CAL-3:
 * deadlines move off statutory holidays and rest days, notices go out at 09:00 on working days (issue 15).
 */
export const STATUTORY_HOLIDAYS = 'statutory-holidays';

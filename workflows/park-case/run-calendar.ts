import type { CaseSnapshot } from '../definitions/case';
import { chongqingYear } from '../definitions/civil-date';
import { CALENDAR_YEARS_AHEAD, type CaseCalendar } from '../definitions/work-calendar';
import { outcome, type Outcome } from '../lifecycle/outcome';
import { recalendar } from '../lifecycle/recalendar';
import type { ScheduleContext } from '../lifecycle/schedule';
import { loadWorkCalendar } from './case-activities';

/**
 * R-CAL-3: the case's working-day calendar in one run. The state keeps only a reference (version, first year,
 * floors: `CaseSnapshot.calendar`), so change records, answers and continue-as-new stay lean; the days are read once
 * per run by a local activity whose answer is in the run's history (a worker with newer data replays it unchanged),
 * and again when a `workCalendarChanged` signal says a newer arrangement is out.
 */
export class RunCalendar {
  private calendar?: CaseCalendar;
  private stale = false;

  /** Whether this run has read its calendar (in its first task). */
  get ready(): boolean {
    return this.calendar !== undefined;
  }

  /** The days and floors this run follows (once {@link ready}: nothing of the run uses them before). */
  get days(): CaseCalendar {
    if (!this.calendar) throw new Error('the work calendar is read in the run’s first task, before it is used');
    return this.calendar;
  }

  /** A newer arrangement is out (the signal): the schedule loop reads the calendar again. */
  markStale(): void {
    this.stale = true;
  }

  /** Whether a newer arrangement was announced since the last read. */
  get isStale(): boolean {
    return this.stale;
  }

  /**
   * Reads the calendar the state refers to (a case's first read: from the year before `ctx.now`). When its data is
   * not the version the state names — a newer arrangement, read at this run's start or on the signal — pending
   * deadlines are recomputed, never earlier than announced: returns that change for the case to record.
   */
  async read(state: CaseSnapshot, ctx: Omit<ScheduleContext, 'calendar'>): Promise<Outcome | undefined> {
    this.stale = false;
    const ref = state.calendar;
    const fromYear = ref?.fromYear ?? chongqingYear(ctx.now) - 1;
    // Provisional years as far as this run's deadlines reach: the days of a year never depend on the run.
    const loaded = await loadWorkCalendar({ fromYear, toYear: chongqingYear(ctx.now) + CALENDAR_YEARS_AHEAD });
    if (!ref || ref.version === loaded.version) {
      this.calendar = { ...loaded, floors: ref?.floors ?? {} };
      state.calendar = { version: loaded.version, fromYear, floors: this.calendar.floors };
      return undefined;
    }
    const { calendar, moved } = recalendar(state, ctx, loaded, ref.floors);
    this.calendar = calendar;
    state.calendar = { version: loaded.version, fromYear, floors: calendar.floors };
    return outcome('deadlines_recomputed', { calendarVersion: { from: ref.version, to: loaded.version }, moved });
  }
}

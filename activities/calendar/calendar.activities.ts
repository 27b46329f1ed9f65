import type { DataSource } from 'typeorm';
import { HolidayArrangementsRepository } from '../../persistence/repositories/holiday-arrangements.repository';
import type { WorkCalendar } from '../../workflows/definitions/work-calendar';
import { workCalendarOf } from './arrangements';

/** The holiday calendar (R-CAL-3), read where Node and PostgreSQL are: never inside workflow code. */
export function createCalendarActivities({ dataSource }: { dataSource: DataSource }) {
  const imported = new HolidayArrangementsRepository(dataSource);
  return {
    /**
     * The working-day calendar from `fromYear` on: the installed `chinese-days` data with the arrangements operators
     * imported. Its answer is recorded in the case's history, so a newer package or import never changes a replay.
     */
    async loadWorkCalendar({ fromYear }: { fromYear: number }): Promise<WorkCalendar> {
      return workCalendarOf(await imported.list(), fromYear);
    },
  };
}

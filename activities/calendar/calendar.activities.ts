import type { DataSource } from 'typeorm';
import { WorkCalendarRepository } from '../../persistence/repositories/work-calendar.repository';
import type { WorkCalendar } from '../../workflows/definitions/work-calendar';

/** The holiday calendar (R-CAL-3), read where Node and PostgreSQL are: never inside workflow code. */
export function createCalendarActivities({ dataSource }: { dataSource: DataSource }) {
  const calendar = new WorkCalendarRepository(dataSource);
  return {
    /**
     * The working-day calendar from `fromYear` on: the installed `chinese-days` data with the arrangements operators
     * imported, and the law-fixed holidays of the years through `toYear` that have neither (provisional, R-CAL-3). Its
     * answer is recorded in the case's history, so a newer package or import never changes a replay.
     */
    async loadWorkCalendar({ fromYear, toYear }: { fromYear: number; toYear: number }): Promise<WorkCalendar> {
      return calendar.from(fromYear, toYear);
    },
  };
}

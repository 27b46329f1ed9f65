import { workCalendarOf } from '../reference/holiday-arrangements';
import type { WorkCalendar } from '../../workflows/definitions/work-calendar';
import type { Database } from './database';
import { HolidayArrangementsRepository } from './holiday-arrangements.repository';

/**
 * The holiday calendar as it stands now (R-CAL-3): the installed arrangements (npm `chinese-days`), each year replaced
 * by the one operators imported (`holiday_arrangements`): the calendar the `loadWorkCalendar` activity gives a case
 * and the API's `GET /v1/calendar` shows.
 */
export class WorkCalendarRepository {
  private readonly imported: HolidayArrangementsRepository;

  constructor(db: Database) {
    this.imported = new HolidayArrangementsRepository(db);
  }

  /**
   * The calendar from `fromYear` on, with the version that names its data; years through `toYear` without an
   * arrangement rest on their law-fixed holidays (provisional, R-CAL-3).
   */
  async from(fromYear: number, toYear: number): Promise<WorkCalendar> {
    return workCalendarOf(await this.imported.list(), fromYear, toYear);
  }
}

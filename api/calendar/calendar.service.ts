import { Injectable } from '@nestjs/common';
import { WorkCalendarRepository } from '../../persistence/repositories/work-calendar.repository';
import { partsOf } from '../../workflows/definitions/civil-date';
import { invalidRequest } from '../common/api-error';
import { text } from '../i18n/localized-text';
import { calendarDays, isSpanTooLong, MAX_CALENDAR_SPAN_DAYS } from './calendar-days';
import type { CalendarQuery, CalendarView } from './calendar.dto';

/** `GET /v1/calendar`: the holiday arrangements' days of a range, for a date picker (R-CAL-3). */
@Injectable()
export class CalendarService {
  constructor(private readonly calendars: WorkCalendarRepository) {}

  /** `from` and `to` are Chongqing days (checked by the query DTO); 422 naming `to` for a range it cannot answer. */
  async between({ from, to }: CalendarQuery): Promise<CalendarView> {
    if (to < from) {
      throw invalidRequest([
        { field: 'to', rule: 'R-CAL-1', message: text('validation.toBeforeFrom', { field: 'to' }) },
      ]);
    }
    if (isSpanTooLong(from, to)) {
      const params = { field: 'to', max: MAX_CALENDAR_SPAN_DAYS, rule: 'R-CAL-3' };
      throw invalidRequest([{ field: 'to', rule: 'R-CAL-3', message: text('validation.calendarSpan', params) }]);
    }
    const calendar = await this.calendars.from(partsOf(from).year, partsOf(to).year);
    return { from, to, calendarVersion: calendar.version, ...calendarDays(calendar, from, to) };
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MAX_CALENDAR_SPAN_DAYS } from './calendar-days';
import { CalendarQuery, CalendarView } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({
    summary: 'The holiday rest days and make-up working days of from..to (R-CAL-3), what a date picker needs',
    description:
      "Lists, in date order, each rest day of the State Council's holiday arrangements (a holiday's weekend days " +
      'too, with its name) and each make-up working day (调休上班) between the Chongqing days from and to, both ' +
      `inclusive, at most ${MAX_CALENDAR_SPAN_DAYS} days apart. Weekends are implied: a Saturday or Sunday not ` +
      'listed is a rest day, any other day not listed a working day. A year whose arrangement is not published ' +
      'lists the holidays the law itself fixes and their make-up rest days (补休), each provisional: true, and is ' +
      'named in provisionalYears. 422 naming `to` when it is before from (R-CAL-1) or more ' +
      `than ${MAX_CALENDAR_SPAN_DAYS} days after it (R-CAL-3).`,
  })
  @ApiOkResponse({ type: CalendarView })
  between(@Query() query: CalendarQuery): Promise<CalendarView> {
    return this.calendar.between(query);
  }
}

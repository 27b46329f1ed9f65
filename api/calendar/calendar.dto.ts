import { ApiProperty } from '@nestjs/swagger';
import { IsChongqingDay } from '../common/civil-date.validation';
import { CALENDAR_DAY_KINDS, MAX_CALENDAR_SPAN_DAYS, type CalendarDayKind } from './calendar-days';

/** `GET /v1/calendar?from&to`: a range of Chongqing days (R-CAL-1), both inclusive. */
export class CalendarQuery {
  @ApiProperty({ format: 'date', example: '2026-10-01', description: 'the first Chongqing day (R-CAL-1)' })
  @IsChongqingDay('R-CAL-1')
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-10-31',
    description: `the last Chongqing day (R-CAL-1): on or after from, at most ${MAX_CALENDAR_SPAN_DAYS} days after it`,
  })
  @IsChongqingDay('R-CAL-1')
  to!: string;
}

/** One listed day: a holiday's rest day or a make-up working day (R-CAL-3). */
export class CalendarDayView {
  @ApiProperty({ format: 'date', example: '2026-10-01', description: 'a Chongqing day (R-CAL-1)' })
  date!: string;

  @ApiProperty({
    enum: CALENDAR_DAY_KINDS,
    description: 'rest: a statutory holiday or rest day of the arrangement; working: a make-up working day (调休上班)',
  })
  kind!: CalendarDayKind;

  @ApiProperty({
    example: '国庆节',
    description: "the holiday's name as its arrangement states it (data, not translated), e.g. 国庆节, 国庆节调休",
  })
  reason!: string;

  @ApiProperty({
    description:
      "the day's year has no published arrangement: a holiday the law itself fixes, or its make-up rest day (补休); " +
      'it may still change when the arrangement is published (R-CAL-3)',
  })
  provisional!: boolean;
}

/** The answer of `GET /v1/calendar`. */
export class CalendarView {
  @ApiProperty({ format: 'date', example: '2026-10-01' })
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-10-31' })
  to!: string;

  @ApiProperty({
    example: 'chinese-days@1.5.7',
    description:
      'which arrangements: the installed data and each imported year (e.g. chinese-days@1.5.7+2027:1a2b3c4d)',
  })
  calendarVersion!: string;

  @ApiProperty({
    type: 'integer',
    isArray: true,
    example: [2027],
    description:
      'years of the range whose holiday arrangement is not published: only their weekends and the holidays the law ' +
      'itself fixes rest (R-CAL-3), and deadlines in them are provisional',
  })
  provisionalYears!: number[];

  @ApiProperty({
    type: [CalendarDayView],
    description:
      'in date order, every day the weekdays alone do not tell: each rest day of a holiday arrangement (its weekend ' +
      'days too) and each make-up working day. Not listed: the other Saturdays and Sundays, which are rest days, ' +
      'and the other days, which are working days — a date picker greys weekends itself unless listed as working',
  })
  days!: CalendarDayView[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEADLINE_KINDS, type DeadlineKind } from '../../workflows/definitions/case';
import { ScopedListQuery } from '../cases/case-list.dto';
import { DEADLINE_DAY_MARKS, prop } from '../cases/case-view.schemas';
import { IsDayOrInstant } from '../common/civil-date.validation';

/**
 * Filters of `GET /v1/deadlines`. `from` / `to` are Chongqing days `YYYY-MM-DD` (R-CAL-1: `from=D` keeps deadlines
 * due on D or later, `to=D` those due on D or earlier, both inclusive) or instants bounding `dueAt` (both inclusive).
 */
export class DeadlineListQuery extends ScopedListQuery {
  @ApiPropertyOptional({
    description:
      'a Chongqing day YYYY-MM-DD: deadlines whose dueDate is on or after it (R-CAL-1); ' +
      'or an ISO 8601 date-time with offset: dueAt at or after it',
    example: '2027-01-01',
  })
  @IsOptional()
  @IsDayOrInstant()
  from?: string;
  @ApiPropertyOptional({
    description:
      'a Chongqing day YYYY-MM-DD: deadlines whose dueDate is on or before it (R-CAL-1); ' +
      'or an ISO 8601 date-time with offset: dueAt at or before it',
    example: '2027-03-31',
  })
  @IsOptional()
  @IsDayOrInstant()
  to?: string;
  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;
}

/** One deadline of one case. */
export class DeadlineItem {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty()
  parkName!: string;
  @ApiProperty({ example: '500112' })
  district!: string;
  @ApiProperty()
  stage!: string;
  @ApiProperty({ enum: DEADLINE_KINDS })
  kind!: DeadlineKind;
  @ApiProperty({ format: 'date', example: '2027-03-31', description: 'the Chongqing day it falls on (R-CAL-1)' })
  dueDate!: string;
  @ApiProperty({
    format: 'date-time',
    example: '2027-03-31T16:00:00.000Z',
    description: 'the end of dueDate, 24:00 Chongqing = 16:00 UTC, exclusive (a policy date)',
  })
  dueAt!: string;
  @ApiProperty(prop(DEADLINE_DAY_MARKS.shiftedFrom))
  shiftedFrom!: string | null;
  @ApiProperty(prop(DEADLINE_DAY_MARKS.reason))
  reason!: string | null;
  @ApiProperty(prop(DEADLINE_DAY_MARKS.provisional))
  provisional!: boolean;
  @ApiProperty({ description: 'the deadline has passed' })
  overdue!: boolean;
}

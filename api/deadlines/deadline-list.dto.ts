import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { DEADLINE_KINDS, type DeadlineKind } from '../../workflows/definitions/case';
import { ScopedListQuery } from '../cases/case-list.dto';


/** Filters of `GET /v1/deadlines`; `from` / `to` bound the (policy) due date, both inclusive. */
export class DeadlineListQuery extends ScopedListQuery {
  @ApiPropertyOptional({ example: '2027-01-01T00:00:00+08:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2027-03-31T23:59:59+08:00' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: DEADLINE_KINDS }) @IsOptional() @IsIn(DEADLINE_KINDS) kind?: DeadlineKind;
}

/** One deadline of one case. */
export class DeadlineItem {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() parkName!: string;
  @ApiProperty({ example: '500112' }) district!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: DeadlineKind;
  @ApiProperty({ format: 'date-time', description: 'policy date' }) dueAt!: string;
  @ApiProperty({ description: 'the deadline has passed' }) overdue!: boolean;
}

export class DeadlinePage {
  @ApiProperty({ type: [DeadlineItem] }) items!: DeadlineItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PARK_KINDS, type ParkKindCode } from '../../workflows/definitions/application';
import { IsDayOrInstant } from '../common/civil-date.validation';

export class DesignationStatsQuery {
  @ApiPropertyOptional({
    description:
      'a Chongqing day YYYY-MM-DD: parks designated by the end of that day (24:00 Chongqing) and not revoked by ' +
      'then (R-CAL-1); or an ISO 8601 date-time with offset: designated and not revoked at that instant. ' +
      'Absent: the parks designated now, as the read model stands',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsDayOrInstant()
  at?: string;
}

export class DistrictCount {
  @ApiProperty({ example: '500112' })
  district!: string;
  @ApiProperty({ example: '渝北区' })
  name!: string;
  @ApiProperty({ example: 'Yubei District' })
  nameEn!: string;
  @ApiProperty({ example: 1 })
  designated!: number;
}

/** R-APP-9: designated parks of one kind; `kind` null counts those whose application states none. */
export class KindCount {
  @ApiProperty({ enum: PARK_KINDS, nullable: true, example: 'regional' })
  kind!: ParkKindCode | null;
  @ApiProperty({ example: 2 })
  designated!: number;
}

export class DesignatedPark {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty()
  parkName!: string;
  @ApiProperty({ example: '500112' })
  district!: string;
  @ApiProperty({ enum: PARK_KINDS, nullable: true, description: 'R-APP-9; null: not stated' })
  kind!: ParkKindCode | null;
  @ApiProperty({ format: 'date-time' })
  designatedAt!: string;
}

/** R-STAT-1 (§3): about `parks` parks designated by the end of `byEndOf`, from the policy configuration. */
export class ProgrammeTarget {
  @ApiProperty({ example: 5, description: 'the threshold ("about 5", policy default)' })
  parks!: number;
  @ApiProperty({ example: 2022, description: 'the year by whose end (31 December 24:00 Chongqing) it is judged' })
  byEndOf!: number;
  @ApiProperty({
    example: 4,
    description:
      'parks designated on or before 31 December of byEndOf (Chongqing) and not revoked by then — counted at `at` ' +
      'instead when that is earlier',
  })
  designatedByThen!: number;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'designatedByThen ≥ parks; null until byEndOf has ended (at `at`, or today when absent)',
  })
  met!: boolean | null;
}

/** `GET /v1/stats/designations` (§3): parks designated and not revoked at `at`, or now. */
export class DesignationStats {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'the instant counted at: the `at` asked for, or for a day the end of it (24:00 Chongqing = 16:00 UTC; ' +
      'designations before it count). null when `at` was absent: the count is then of the parks designated now, ' +
      'whatever their policy dates (policy time runs per case)',
  })
  at!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-12-31',
    description: 'the Chongqing day asked for (R-CAL-1); null unless `at` was a day',
  })
  date!: string | null;
  @ApiProperty({ example: 3 })
  total!: number;
  @ApiProperty({ type: [DistrictCount], description: 'districts with at least one designated park' })
  byDistrict!: DistrictCount[];
  @ApiProperty({ type: [KindCount], description: 'R-APP-9: per kind of park, kinds with at least one park' })
  byKind!: KindCount[];
  @ApiProperty({ type: [DesignatedPark] })
  parks!: DesignatedPark[];
  @ApiProperty({ type: ProgrammeTarget, description: 'R-STAT-1: the programme target, separate from today’s count' })
  target!: ProgrammeTarget;
}

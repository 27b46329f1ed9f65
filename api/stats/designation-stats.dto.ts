import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
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

export class DesignatedPark {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty()
  parkName!: string;
  @ApiProperty({ example: '500112' })
  district!: string;
  @ApiProperty({ format: 'date-time' })
  designatedAt!: string;
}

export class ProgrammeTarget {
  @ApiProperty({ example: 5 })
  parks!: number;
  @ApiProperty({ example: 2022 })
  byEndOf!: number;
  @ApiProperty({ description: 'total ≥ parks' })
  met!: boolean;
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
  @ApiProperty({ type: [DesignatedPark] })
  parks!: DesignatedPark[];
  @ApiProperty({ type: ProgrammeTarget })
  target!: ProgrammeTarget;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class DesignationStatsQuery {
  @ApiPropertyOptional({ description: 'the (policy) date to count at; now when absent', example: '2026-12-31T23:59:59+08:00' })
  @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

export class DistrictCount {
  @ApiProperty({ example: '500112' }) district!: string;
  @ApiProperty({ example: '渝北区' }) name!: string;
  @ApiProperty({ example: 'Yubei District' }) nameEn!: string;
  @ApiProperty({ example: 1 }) designated!: number;
}

export class DesignatedPark {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() parkName!: string;
  @ApiProperty({ example: '500112' }) district!: string;
  @ApiProperty({ format: 'date-time' }) designatedAt!: string;
}

export class ProgrammeTarget {
  @ApiProperty({ example: 5 }) parks!: number;
  @ApiProperty({ example: 2022 }) byEndOf!: number;
  @ApiProperty({ description: 'total ≥ parks' }) met!: boolean;
}

/** `GET /v1/stats/designations` (§3): parks designated and not revoked at `at`. */
export class DesignationStats {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({ type: [DistrictCount], description: 'districts with at least one designated park' }) byDistrict!: DistrictCount[];
  @ApiProperty({ type: [DesignatedPark] }) parks!: DesignatedPark[];
  @ApiProperty({ type: ProgrammeTarget }) target!: ProgrammeTarget;
}

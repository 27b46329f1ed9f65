import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DESIGNATION_DECISIONS, type DesignationDecision } from '../../workflows/definitions/case';
import { MAX_CNY, rule, TEXT } from './action-bounds';

/** The bodies of the decisions on a park (§5.1, §5.2): designation or rejection, and the incubation base. */

/** `POST /v1/cases/{caseId}/designation` (§5.1, §5.2): designate with a subsidy (R-SUB-1) or reject. */
export class DesignationDto {
  @ApiProperty({ enum: DESIGNATION_DECISIONS })
  @IsIn(DESIGNATION_DECISIONS)
  decision!: DesignationDecision;
  @ApiProperty({ example: '专家评审通过，条件具备' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  reason!: string;
  @ApiPropertyOptional({
    description: 'CNY, required with designate: 1,000,000–3,000,000 (R-SUB-1)',
    example: 2_000_000,
  })
  @IsOptional()
  @IsInt(rule('R-SUB-1'))
  @Min(1, rule('R-SUB-1'))
  @Max(MAX_CNY, rule('R-SUB-1'))
  subsidyAmount?: number;
  @ApiPropertyOptional({
    description: 'the plaque’s certificate number; generated when absent',
    example: '渝人社园〔2026〕1号',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  certificateNo?: string;
}

/** `POST /v1/cases/{caseId}/incubation-base` (R-SUB-3); the grant amount is the policy's, never the caller's. */
export class IncubationBaseDto {
  @ApiPropertyOptional({
    description: 'the recognition decision’s document number, kept in the audit trail',
    example: '渝人社函〔2026〕88号',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionReference?: string;
}

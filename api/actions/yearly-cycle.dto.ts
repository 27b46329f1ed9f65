import { applyDecorators } from '@nestjs/common';
import { DocumentIds } from './document-ids';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EVALUATION_OUTCOMES,
  REVOCATION_GROUNDS,
  type EvaluationOutcome,
  type RevocationGround,
} from '../../workflows/definitions/case';
import { IsChongqingDay } from '../common/civil-date.validation';
import { LONG_TEXT, MAX_CNY, rule } from './action-bounds';

/** The bodies of a designated park's yearly cycle (§5.3): its reports and evaluations. */

/**
 * One of the five headings of R-SUB-2: CNY spent on it in the year, a whole non-negative amount. Listed bottom-up,
 * the order stacked decorators apply in, so its checks report as they did when written out per heading.
 */
const SubsidyHeading = (example: number): PropertyDecorator =>
  applyDecorators(Max(MAX_CNY), Min(0, rule('R-SUB-2')), IsInt(rule('R-SUB-2')), ApiProperty({ example }));

/** R-SUB-2: the yearly report accounts for the subsidy's use under the policy's five headings, plus `other` (CNY). */
export class SubsidyUseDto {
  @SubsidyHeading(400_000)
  rent!: number;
  @SubsidyHeading(300_000)
  renovation!: number;
  @SubsidyHeading(100_000)
  propertyManagement!: number;
  @SubsidyHeading(100_000)
  publicFacilities!: number;
  @SubsidyHeading(100_000)
  operations!: number;
  @ApiPropertyOptional({ description: 'the subsidy is *mainly* for the five headings (R-SUB-2): the rest', example: 0 })
  @IsOptional()
  @IsInt(rule('R-SUB-2'))
  @Min(0, rule('R-SUB-2'))
  @Max(MAX_CNY)
  other?: number;
}

/** `POST /v1/cases/{caseId}/annual-reports` (§5.3, R-RPT-1). */
export class AnnualReportDto {
  @ApiProperty({ example: 2026 })
  @IsInt(rule('R-RPT-1'))
  @Min(2000, rule('R-RPT-1'))
  @Max(2100, rule('R-RPT-1'))
  year!: number;
  @ApiProperty({ description: 'resident HR-service agencies (R-RPT-4)', example: 18 })
  @IsInt(rule('R-RPT-4'))
  @Min(0)
  @Max(100_000)
  agencies!: number;
  @ApiProperty({ description: 'HR-service revenue incl. 代收代付, CNY (R-RPT-2/3)', example: 420_000_000 })
  @IsInt(rule('R-RPT-2'))
  @Min(0)
  @Max(MAX_CNY)
  revenue!: number;
  @ApiProperty({ example: 35 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  staff!: number;
  @ApiProperty({ description: 'm² (R-RPT-4)', example: 12_000 })
  @IsInt(rule('R-RPT-4'))
  @Min(0)
  @Max(10_000_000)
  floorAreaSqm!: number;
  @ApiProperty({ type: SubsidyUseDto })
  @IsObject(rule('R-SUB-2'))
  @ValidateNested()
  @Type(() => SubsidyUseDto)
  subsidyUse!: SubsidyUseDto;
  @DocumentIds('the papers the report rests on, e.g. its financial statements')
  documentIds?: string[];
}

/**
 * `POST /v1/cases/{caseId}/evaluations` (§5.3, R-EVL-1/2, R-REF-1). Which fields go with which outcome (`rectifyBy`
 * with rectify only, `grounds` required with revoke and only with it, `refundAmount` with revoke only) is the case's
 * rule: the workflow's validator checks it and answers 422, so it is not repeated here.
 */
export class EvaluationDto {
  @ApiProperty({ enum: EVALUATION_OUTCOMES })
  @IsIn(EVALUATION_OUTCOMES, rule('R-EVL-1'))
  outcome!: EvaluationOutcome;
  @ApiProperty({ example: '运营规范，指标达标' })
  @IsString()
  @IsNotEmpty(rule('R-EVL-1'))
  @MaxLength(LONG_TEXT)
  findings!: string;
  @ApiPropertyOptional({
    format: 'date',
    description:
      'required with rectify, only with it: the rectification deadline, a Chongqing day YYYY-MM-DD; ' +
      'the order runs to its end, 24:00 Chongqing (R-CAL-1)',
    example: '2027-06-30',
  })
  @IsOptional()
  @IsChongqingDay('R-CAL-1', 'validation.days.rectifyBy')
  rectifyBy?: string;
  @ApiPropertyOptional({
    enum: REVOCATION_GROUNDS,
    isArray: true,
    description:
      'required with revoke, only with it: one or more grounds, each once — 经营不善, 有名无实, 造成其他恶劣影响',
    example: ['poorly_run', 'nominal_only'],
  })
  @IsOptional()
  @IsArray(rule('R-EVL-2'))
  @ArrayMinSize(1, rule('R-EVL-2'))
  @ArrayMaxSize(REVOCATION_GROUNDS.length, rule('R-EVL-2'))
  @ArrayUnique(rule('R-EVL-2'))
  @IsIn(REVOCATION_GROUNDS, { each: true, ...rule('R-EVL-2') })
  grounds?: RevocationGround[];
  @ApiPropertyOptional({
    description: 'CNY to refund, only with revoke (R-REF-1); at most the subsidy tranches paid or in flight (R-PAY-1)',
    example: 1_000_000,
  })
  @IsOptional()
  @IsInt(rule('R-REF-1'))
  @Min(1, rule('R-REF-1'))
  @Max(MAX_CNY, rule('R-REF-1'))
  refundAmount?: number;
  @DocumentIds('the papers the evaluation rests on, e.g. the rectification report')
  documentIds?: string[];
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DESIGNATION_DECISIONS,
  EVALUATION_OUTCOMES,
  REVOCATION_GROUNDS,
  type DesignationDecision,
  type EvaluationOutcome,
  type RevocationGround,
} from '../../workflows/definitions/case';
import { IsChongqingDay, IsDayOrInstant } from '../common/civil-date.validation';
import { checkContext } from '../common/validation-texts';

const TEXT = 2000;
const LONG_TEXT = 10_000;
/** An upper bound on any amount of CNY, far above any subsidy or revenue, so absurd input is refused early. */
const MAX_CNY = 1_000_000_000_000;
/** Names the policy rule in the 422 `details` when this check fails. */
const rule = (id: string) => checkContext({ rule: id });
const REFERENCE = { example: 'CQ-TREASURY-2026-000123' };

/** `POST /v1/cases/{caseId}/acceptance` (§5.1): the completeness check. */
export class AcceptanceDto {
  @ApiProperty({ description: 'false returns the application to the district', example: true })
  @IsBoolean()
  accepted!: boolean;
  @ApiPropertyOptional({ description: 'required when not accepted', example: '可行性报告缺少运营模式章节' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  reason?: string;
  @ApiPropertyOptional({
    description:
      'R-APP-4/5: required to accept an application with flags (floor area, service functions), and only then; ' +
      'kept in the audit trail',
    example: '园区二期8,500平方米场地已签约，2027年6月前交付使用',
    maxLength: TEXT,
  })
  @IsOptional()
  @IsString(rule('R-APP-4'))
  @MaxLength(TEXT, rule('R-APP-4'))
  waiverReason?: string;
}

/** `POST /v1/cases/{caseId}/panel` (§5.1): 3–7 distinct experts (checked against the case's policy). */
export class PanelDto {
  @ApiProperty({ type: [String], example: ['expert-li', 'expert-wang', 'expert-zhao'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[\w.@-]{1,100}$/, { each: true, ...checkContext({ code: 'validation.officerIds' }) })
  expertIds!: string[];
}

/** `POST /v1/cases/{caseId}/reviews` (§5.1): one opinion per panel expert. */
export class ReviewDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 82 })
  @IsInt(rule('§5.1'))
  @Min(0, rule('§5.1'))
  @Max(100, rule('§5.1'))
  necessity!: number;
  @ApiProperty({ minimum: 0, maximum: 100, example: 76 })
  @IsInt(rule('§5.1'))
  @Min(0, rule('§5.1'))
  @Max(100, rule('§5.1'))
  feasibility!: number;
  @ApiProperty({ example: true })
  @IsBoolean()
  recommend!: boolean;
  @ApiPropertyOptional({ example: '功能定位清晰' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG_TEXT)
  comments?: string;
}

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

/** `POST /v1/cases/{caseId}/payments/{paymentId}/confirmation` (§5.2). */
export class PaymentConfirmationDto {
  @ApiProperty({ example: '2026-12-01T10:00:00+08:00' })
  @IsDayOrInstant()
  paidAt!: string;
  @ApiProperty(REFERENCE)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  bankReference!: string;
}

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
}

/** `POST /v1/cases/{caseId}/refund-payments` (R-REF-1): money received against the open refund demand. */
export class RefundPaymentDto {
  @ApiProperty({ example: 500_000 })
  @IsInt(rule('R-REF-1'))
  @Min(1, rule('R-REF-1'))
  @Max(MAX_CNY, rule('R-REF-1'))
  amount!: number;
  @ApiProperty({ example: '2027-02-01T09:30:00+08:00' })
  @IsDayOrInstant()
  paidAt!: string;
  @ApiProperty(REFERENCE)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  bankReference!: string;
}

/** `POST /v1/cases/{caseId}/refund-write-off` (R-PAY-1): writes off the unpaid rest of an escalated refund demand. */
export class RefundWriteOffDto {
  @ApiProperty({
    description: 'why the unpaid rest is written off; kept in the audit trail (R-PAY-1)',
    example: '园区运营主体已依法注销，经追缴确无可执行财产',
    maxLength: TEXT,
  })
  @IsString(rule('R-PAY-1'))
  @IsNotEmpty(rule('R-PAY-1'))
  @MaxLength(TEXT, rule('R-PAY-1'))
  reason!: string;
}

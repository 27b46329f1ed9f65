import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';

const TEXT = 2000;
const LONG_TEXT = 10_000;
/** An upper bound on any amount of CNY, far above any subsidy or revenue, so absurd input is refused early. */
const MAX_CNY = 1_000_000_000_000;
/** Names the policy rule in the 422 `details` when this check fails. */
const rule = (id: string) => ({ context: { rule: id } });
const REFERENCE = { example: 'CQ-TREASURY-2026-000123' };

/** `POST /v1/cases/{caseId}/acceptance` (§5.1): the completeness check. */
export class AcceptanceDto {
  @ApiProperty({ description: 'false returns the application to the district', example: true }) @IsBoolean() accepted!: boolean;
  @ApiPropertyOptional({ description: 'required when not accepted', example: '可行性报告缺少运营模式章节' })
  @IsOptional() @IsString() @MaxLength(TEXT) reason?: string;
}

/** `POST /v1/cases/{caseId}/panel` (§5.1): 3–7 distinct experts (checked against the case's policy). */
export class PanelDto {
  @ApiProperty({ type: [String], example: ['expert-li', 'expert-wang', 'expert-zhao'] })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Matches(/^[\w.@-]{1,100}$/, { each: true, message: 'each expertIds entry is an officer id (letters, digits, . _ @ -, at most 100)' })
  expertIds!: string[];
}

/** `POST /v1/cases/{caseId}/reviews` (§5.1): one opinion per panel expert. */
export class ReviewDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 82 }) @IsInt(rule('§5.1')) @Min(0, rule('§5.1')) @Max(100, rule('§5.1')) necessity!: number;
  @ApiProperty({ minimum: 0, maximum: 100, example: 76 }) @IsInt(rule('§5.1')) @Min(0, rule('§5.1')) @Max(100, rule('§5.1')) feasibility!: number;
  @ApiProperty({ example: true }) @IsBoolean() recommend!: boolean;
  @ApiPropertyOptional({ example: '功能定位清晰' }) @IsOptional() @IsString() @MaxLength(LONG_TEXT) comments?: string;
}

/** `POST /v1/cases/{caseId}/designation` (§5.1, §5.2): designate with a subsidy (R-SUB-1) or reject. */
export class DesignationDto {
  @ApiProperty({ enum: ['designate', 'reject'] }) @IsIn(['designate', 'reject']) decision!: 'designate' | 'reject';
  @ApiProperty({ example: '专家评审通过，条件具备' }) @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;
  @ApiPropertyOptional({ description: 'CNY, required with designate: 1,000,000–3,000,000 (R-SUB-1)', example: 2_000_000 })
  @IsOptional() @IsInt(rule('R-SUB-1')) @Min(1, rule('R-SUB-1')) @Max(MAX_CNY, rule('R-SUB-1')) subsidyAmount?: number;
  @ApiPropertyOptional({ description: 'the plaque’s certificate number; generated when absent', example: '渝人社园〔2026〕1号' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) certificateNo?: string;
}

/** `POST /v1/cases/{caseId}/incubation-base` (R-SUB-3); the grant amount is the policy's, never the caller's. */
export class IncubationBaseDto {
  @ApiPropertyOptional({ description: 'the recognition decision’s document number, kept in the audit trail', example: '渝人社函〔2026〕88号' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) decisionReference?: string;
}

/** `POST /v1/cases/{caseId}/payments/{paymentId}/confirmation` (§5.2). */
export class PaymentConfirmationDto {
  @ApiProperty({ example: '2026-12-01T10:00:00+08:00' }) @IsISO8601({ strict: true }) paidAt!: string;
  @ApiProperty(REFERENCE) @IsString() @IsNotEmpty() @MaxLength(100) bankReference!: string;
}

/** R-SUB-2: the yearly report accounts for the subsidy's use under these five headings (CNY). */
export class SubsidyUseDto {
  @ApiProperty({ example: 400_000 }) @IsInt(rule('R-SUB-2')) @Min(0, rule('R-SUB-2')) @Max(MAX_CNY) rent!: number;
  @ApiProperty({ example: 300_000 }) @IsInt(rule('R-SUB-2')) @Min(0, rule('R-SUB-2')) @Max(MAX_CNY) renovation!: number;
  @ApiProperty({ example: 100_000 }) @IsInt(rule('R-SUB-2')) @Min(0, rule('R-SUB-2')) @Max(MAX_CNY) propertyManagement!: number;
  @ApiProperty({ example: 100_000 }) @IsInt(rule('R-SUB-2')) @Min(0, rule('R-SUB-2')) @Max(MAX_CNY) publicFacilities!: number;
  @ApiProperty({ example: 100_000 }) @IsInt(rule('R-SUB-2')) @Min(0, rule('R-SUB-2')) @Max(MAX_CNY) operations!: number;
}

/** `POST /v1/cases/{caseId}/annual-reports` (§5.3, R-RPT-1). */
export class AnnualReportDto {
  @ApiProperty({ example: 2026 }) @IsInt(rule('R-RPT-1')) @Min(2000, rule('R-RPT-1')) @Max(2100, rule('R-RPT-1')) year!: number;
  @ApiProperty({ description: 'resident HR-service agencies (R-RPT-4)', example: 18 }) @IsInt(rule('R-RPT-4')) @Min(0) @Max(100_000) agencies!: number;
  @ApiProperty({ description: 'HR-service revenue incl. 代收代付, CNY (R-RPT-2/3)', example: 420_000_000 }) @IsInt(rule('R-RPT-2')) @Min(0) @Max(MAX_CNY) revenue!: number;
  @ApiProperty({ example: 35 }) @IsInt() @Min(0) @Max(1_000_000) staff!: number;
  @ApiProperty({ description: 'm² (R-RPT-4)', example: 12_000 }) @IsInt(rule('R-RPT-4')) @Min(0) @Max(10_000_000) floorAreaSqm!: number;
  @ApiProperty({ type: SubsidyUseDto }) @IsObject(rule('R-SUB-2')) @ValidateNested() @Type(() => SubsidyUseDto) subsidyUse!: SubsidyUseDto;
}

/** `POST /v1/cases/{caseId}/evaluations` (§5.3, R-EVL-1, R-REF-1). */
export class EvaluationDto {
  @ApiProperty({ enum: ['renew', 'rectify', 'revoke'] }) @IsIn(['renew', 'rectify', 'revoke'], rule('R-EVL-1')) outcome!: 'renew' | 'rectify' | 'revoke';
  @ApiProperty({ example: '运营规范，指标达标' }) @IsString() @IsNotEmpty(rule('R-EVL-1')) @MaxLength(LONG_TEXT) findings!: string;
  @ApiPropertyOptional({ description: 'required with rectify: the rectification deadline (policy date)', example: '2027-06-30' })
  @IsOptional() @IsISO8601({ strict: true }, rule('R-EVL-1')) rectifyBy?: string;
  @ApiPropertyOptional({ description: 'CNY to refund, only with revoke (R-REF-1)', example: 1_000_000 })
  @IsOptional() @IsInt(rule('R-REF-1')) @Min(1, rule('R-REF-1')) @Max(MAX_CNY, rule('R-REF-1')) refundAmount?: number;
}

/** `POST /v1/cases/{caseId}/refund-payments` (R-REF-1): money received against the open refund demand. */
export class RefundPaymentDto {
  @ApiProperty({ example: 500_000 }) @IsInt(rule('R-REF-1')) @Min(1, rule('R-REF-1')) @Max(MAX_CNY, rule('R-REF-1')) amount!: number;
  @ApiProperty({ example: '2027-02-01T09:30:00+08:00' }) @IsISO8601({ strict: true }) paidAt!: string;
  @ApiProperty(REFERENCE) @IsString() @IsNotEmpty() @MaxLength(100) bankReference!: string;
}

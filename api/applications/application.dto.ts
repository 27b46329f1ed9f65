import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { DISTRICT_CODES } from '../../persistence/reference/chongqing-districts';
import { IsChongqingDay } from '../common/civil-date.validation';
import { checkContext } from '../common/validation-texts';
import type { LocalizedText } from '../i18n/localized-text';
import { FILING_STAGES, type FilingStage } from '../../workflows/definitions/case';
import { SERVICE_FUNCTIONS, type ServiceFunction } from '../../workflows/definitions/policy';
import { CREDIT_CODE_PATTERN, isValidCreditCode } from './credit-code';

const TEXT = 200;
const LONG_TEXT = 5000;
/** Far more documents than any district issues: bounds the body, not the policy. */
const MAX_SUPPORT_MEASURES = 50;
const R_APP_8 = { context: { rule: 'R-APP-8' } };

/** `creditCode` must be a valid unified social credit code (GB 32100-2015), else 422 naming R-APP-3. */
function IsUnifiedSocialCreditCode(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUnifiedSocialCreditCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { context: { rule: 'R-APP-3' } },
      validator: { validate: (value: unknown) => isValidCreditCode(value) },
    });
}

/** A document may be null or absent: that is a policy deficiency (R-APP-1/2), not a malformed body. */
const presentUnlessNull = ValidateIf((_object: object, value: unknown) => value !== null && value !== undefined);

export class AgencyDto {
  @ApiProperty({ example: '重庆某某人力资源有限公司' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  name!: string;
  @ApiProperty({
    example: '91500112MA5U00003P',
    pattern: CREDIT_CODE_PATTERN,
    description: 'unified social credit code; its 18th character is the GB 32100-2015 check character (R-APP-3)',
  })
  @IsUnifiedSocialCreditCode()
  creditCode!: string;
}

export class StaffDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  name!: string;
  @ApiPropertyOptional({ example: '主任' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  role?: string;
  @ApiProperty()
  @IsBoolean()
  fullTime!: boolean;
}

export class OperatingOfficeDto {
  @ApiProperty({ type: [StaffDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => StaffDto)
  staff!: StaffDto[];
}

export class ProjectedRevenueDto {
  @ApiProperty({ example: 350_000_000 })
  @IsInt()
  @Min(0)
  firstYear!: number;
  @ApiProperty({ example: 1_200_000_000 })
  @IsInt()
  @Min(0)
  thirdYear!: number;
}

export class GovernmentLetterDto {
  @ApiProperty({ example: '渝北府函〔2026〕12号' })
  @IsString()
  @MaxLength(TEXT)
  reference!: string;
  @ApiPropertyOptional({ description: 'the day of the letter, YYYY-MM-DD', example: '2026-11-20' })
  @IsOptional()
  @IsChongqingDay('R-APP-1', 'validation.days.letterDay')
  date?: string;
}

export class FeasibilityReportDto {
  @ApiProperty()
  @IsString()
  @MaxLength(TEXT)
  reference!: string;
  @ApiProperty()
  @IsString()
  @MaxLength(LONG_TEXT)
  functionalPositioning!: string;
  @ApiProperty()
  @IsString()
  @MaxLength(LONG_TEXT)
  serviceSystem!: string;
  @ApiProperty()
  @IsString()
  @MaxLength(LONG_TEXT)
  operatingModel!: string;
  @ApiProperty()
  @IsString()
  @MaxLength(LONG_TEXT)
  developmentPlan!: string;
}

/** R-APP-8 (§4.3): one issued document of the district's measures promoting the park. */
export class SupportMeasureDto {
  @ApiProperty({ example: '渝北区促进人力资源服务产业园发展若干措施', maxLength: TEXT })
  @IsString(R_APP_8)
  @IsNotEmpty(R_APP_8)
  @MaxLength(TEXT, R_APP_8)
  title!: string;
  @ApiProperty({ description: 'the document number', example: '渝北府发〔2026〕3号', maxLength: TEXT })
  @IsString(R_APP_8)
  @MaxLength(TEXT, R_APP_8)
  reference!: string;
  @ApiProperty({ format: 'date', description: 'the day of issue, YYYY-MM-DD', example: '2026-10-08' })
  @IsChongqingDay('R-APP-8', 'validation.days.issueDay')
  date!: string;
}

export class DocumentsDto {
  @ApiProperty({ type: GovernmentLetterDto, nullable: true })
  @presentUnlessNull
  @IsObject()
  @ValidateNested()
  @Type(() => GovernmentLetterDto)
  districtGovernmentLetter!: GovernmentLetterDto | null;
  @ApiProperty({ type: FeasibilityReportDto, nullable: true })
  @presentUnlessNull
  @IsObject()
  @ValidateNested()
  @Type(() => FeasibilityReportDto)
  feasibilityReport!: FeasibilityReportDto | null;
  @ApiPropertyOptional({
    type: [SupportMeasureDto],
    nullable: true,
    maxItems: MAX_SUPPORT_MEASURES,
    description:
      'R-APP-8: the issued documents of the district’s measures promoting the park; ' +
      'null, absent or [] makes the case `returned` (a deficiency, not a 422)',
  })
  @presentUnlessNull
  @IsArray(R_APP_8)
  @ArrayMaxSize(MAX_SUPPORT_MEASURES, R_APP_8)
  @ValidateNested({ each: true })
  @Type(() => SupportMeasureDto)
  supportMeasures?: SupportMeasureDto[] | null;
}

/** One broken policy rule: a deficiency (R-APP-1..3, 6..8) or a flag (R-APP-4/5). */
export class DeficiencyView {
  @ApiProperty({ example: 'R-APP-3' })
  rule!: string;
  @ApiProperty({
    type: String,
    description: "in the reader's language (Accept-Language)",
    example: '入驻人力资源服务机构14家（重复的不计），至少应有15家',
  })
  message!: LocalizedText | string;
  @ApiPropertyOptional({ example: 'agencies', description: 'the application field concerned, when one is' })
  field?: string;
}

/** The application body of `POST /v1/applications` and of a resubmission (api-contract "Bodies"). */
export class ApplicationDto {
  @ApiProperty({ example: '渝北人力资源服务产业园' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  parkName!: string;

  @ApiProperty({ example: '500112', description: 'GB/T 2260 district code (GET /v1/districts)' })
  @IsString()
  @IsIn([...DISTRICT_CODES], checkContext({ code: 'validation.knownDistrict' }))
  district!: string;

  @ApiProperty({ example: 12000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000_000)
  floorAreaSqm!: number;

  @ApiProperty({ enum: SERVICE_FUNCTIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(SERVICE_FUNCTIONS.length * 2)
  @IsIn(SERVICE_FUNCTIONS, { each: true })
  serviceFunctions!: ServiceFunction[];

  @ApiProperty({ type: [AgencyDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AgencyDto)
  agencies!: AgencyDto[];

  @ApiProperty({ type: OperatingOfficeDto, nullable: true })
  @presentUnlessNull
  @IsObject()
  @ValidateNested()
  @Type(() => OperatingOfficeDto)
  operatingOffice!: OperatingOfficeDto | null;

  @ApiProperty({ type: ProjectedRevenueDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ProjectedRevenueDto)
  projectedRevenue!: ProjectedRevenueDto;

  @ApiProperty({ type: DocumentsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DocumentsDto)
  documents!: DocumentsDto;
}

/** The answer to a filing (api-contract: 201 `{ caseId, stage, deficiencies, flags }`). */
export class SubmissionOutcomeView {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty({ enum: FILING_STAGES })
  stage!: FilingStage;
  @ApiProperty({
    type: () => [DeficiencyView],
    description: 'every broken rule among R-APP-1..3 and 6..8: the reasons the case is returned; empty when submitted',
    example: [
      {
        rule: 'R-APP-8',
        field: 'documents.supportMeasures',
        message: '未列明区县已制定出台的促进园区建设发展的政策措施文件',
      },
    ],
  })
  deficiencies!: DeficiencyView[];
  @ApiProperty({
    type: () => [DeficiencyView],
    description: 'R-APP-4/5 (*in principle*) shortfalls, on a returned case too: never a reason to return; waivable',
    example: [
      {
        rule: 'R-APP-4',
        field: 'floorAreaSqm',
        message: '园区面积7,000平方米，原则上应不低于8,000平方米：受理须说明豁免理由',
      },
    ],
  })
  flags!: DeficiencyView[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsChongqingDay } from '../common/civil-date.validation';
import { LONG_TEXT, presentUnlessNull, TEXT } from './application-bounds';

/** Far more documents than any district issues: bounds the body, not the policy. */
const MAX_SUPPORT_MEASURES = 50;
const R_APP_8 = { context: { rule: 'R-APP-8' } };

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

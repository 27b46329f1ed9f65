import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DEPARTMENT_POSITIONS, type DepartmentPosition } from '../../workflows/definitions/case';
import { IsChongqingDay } from '../common/civil-date.validation';
import { checkContext } from '../common/validation-texts';
import { LONG_TEXT, rule, TEXT } from './action-bounds';

/** The bodies of the assessment (§5.1): the completeness check, the panel, the experts' and departments' opinions. */

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

/** `POST /v1/cases/{caseId}/department-opinions` (R-REV-3, §5.1 会同相关部门): one department's opinion. */
export class DepartmentOpinionDto {
  @ApiProperty({ description: 'the department giving the opinion', example: '市财政局', maxLength: 100 })
  @IsString(rule('R-REV-3'))
  @IsNotEmpty(rule('R-REV-3'))
  @MaxLength(100, rule('R-REV-3'))
  department!: string;
  @ApiProperty({ enum: DEPARTMENT_POSITIONS, description: 'support (支持), conditional (有条件支持) or object (反对)' })
  @IsIn(DEPARTMENT_POSITIONS, rule('R-REV-3'))
  position!: DepartmentPosition;
  @ApiProperty({
    description: 'the opinion’s text',
    example: '同意支持，建议加强补助资金绩效管理',
    maxLength: LONG_TEXT,
  })
  @IsString(rule('R-REV-3'))
  @IsNotEmpty(rule('R-REV-3'))
  @MaxLength(LONG_TEXT, rule('R-REV-3'))
  opinion!: string;
  @ApiProperty({
    format: 'date',
    description: 'the day of the opinion: a Chongqing day YYYY-MM-DD (R-CAL-1), not after today',
    example: '2026-12-10',
  })
  @IsChongqingDay('R-REV-3')
  date!: string;
}

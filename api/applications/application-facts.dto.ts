import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { TEXT } from './application-bounds';
import { CREDIT_CODE_PATTERN, isValidCreditCode } from './credit-code';

/** The application's facts about the park (§4.2–§4.4): its agencies, its office and its projected revenue. */

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

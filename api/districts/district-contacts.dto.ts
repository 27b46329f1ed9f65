import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LOCALES, type Locale } from '../../workflows/definitions/message-ref';
import { checkContext } from '../common/validation-texts';

export const MAX_CONTACTS = 20;

/** One address of a district bureau that receives its reminders and notices by email. */
export class DistrictContactDto {
  @ApiProperty({ example: 'rsj@ybq.cq.gov.cn' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '渝北区人力社保局人才流动科' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN', description: 'language of the emails' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

/** `PUT /v1/districts/{code}/contacts`: the whole list, replacing the previous one (0..20 distinct emails). */
export class DistrictContactsDto {
  @ApiProperty({ type: [DistrictContactDto], maxItems: MAX_CONTACTS })
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS)
  @ArrayUnique(
    (contact: DistrictContactDto) => (typeof contact?.email === 'string' ? contact.email.toLowerCase() : contact),
    checkContext({ code: 'validation.distinctEmails' }),
  )
  @ValidateNested({ each: true })
  @Type(() => DistrictContactDto)
  contacts!: DistrictContactDto[];
}

export interface DistrictContactsView {
  district: string;
  contacts: Array<{ email: string; name?: string; locale: Locale }>;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { OFFICER_ROLES, type OfficerRole } from '../../workflows/definitions/case';
import { OFFICER_SOURCES, type OfficerSource } from '../../workflows/definitions/notice-delivery';
import { booleanQuery, PageQuery } from '../common/paging';

/** Filters of `GET /v1/officers`, with paging. */
export class OfficerQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OFFICER_ROLES })
  @IsOptional()
  @IsIn(OFFICER_ROLES)
  role?: OfficerRole;

  @ApiPropertyOptional({ description: 'false: only the officers notices cannot reach by email (no address known)' })
  @IsOptional()
  @booleanQuery
  @IsBoolean({ message: 'emailable must be true or false' })
  emailable?: boolean;
}

/** The signed-in officer (`GET /v1/me`): from their token, and from the directory what the token does not say. */
export class MeView {
  @ApiProperty({ description: "the officer's id (the token's subject); an expert's id on panels" })
  sub!: string;
  @ApiProperty({ enum: OFFICER_ROLES })
  role!: OfficerRole;
  @ApiPropertyOptional({ example: '500112', description: "a district officer's district" })
  district?: string;
  @ApiPropertyOptional({ description: 'display name' })
  name?: string;
  @ApiPropertyOptional({ description: 'where their notices are emailed' })
  email?: string;
}

/** One officer of the directory (`GET /v1/officers`). */
export class OfficerView extends MeView {
  @ApiProperty({ description: 'false: no email address known, notices reach this officer in the inbox only' })
  emailable!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when they last used the API (to within 10 minutes); null: imported, never signed in',
  })
  lastSignInAt!: string | null;
  @ApiProperty({
    enum: OFFICER_SOURCES,
    description: 'where the directory last learned of them: their sign-in, or the identity provider (import)',
  })
  source!: OfficerSource;
}

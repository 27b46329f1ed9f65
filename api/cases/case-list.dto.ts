import { DOCUMENT_PURPOSES, type DocumentPurpose } from '../../workflows/definitions/documents';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DISTRICT_CODES } from '../../persistence/reference/chongqing-districts';
import { PARK_KINDS, type ParkKindCode } from '../../workflows/definitions/application';
import { CASE_STAGES, type CaseStage } from '../../workflows/definitions/case';
import type { DeadlineView } from './case-view';
import { DEADLINE, nullable, prop } from './case-view.schemas';
import { booleanQuery, PageQuery } from '../common/paging';
import { checkContext } from '../common/validation-texts';

/** Filters every case-wide list shares: the district (scoped for district officers) and whether overdue. */
export class ScopedListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '500112', description: 'a district officer may give only their own' })
  @IsOptional()
  @IsIn([...DISTRICT_CODES], checkContext({ code: 'validation.knownDistrict' }))
  district?: string;
  @ApiPropertyOptional({ description: 'true: only what is past its deadline; false: only what is not' })
  @IsOptional()
  @booleanQuery
  @IsBoolean()
  overdue?: boolean;
}

/** Filters of `GET /v1/cases`. */
export class CaseListQuery extends ScopedListQuery {
  @ApiPropertyOptional({ enum: CASE_STAGES })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;
}

/** One case in a list. */
export class CaseSummary {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty({ enum: CASE_STAGES })
  stage!: string;
  @ApiProperty({ example: '500112' })
  district!: string;
  @ApiProperty()
  parkName!: string;
  @ApiProperty({
    enum: PARK_KINDS,
    nullable: true,
    description: 'R-APP-9: regional (区域性) or specialised (专业性); null: not stated',
  })
  parkKind!: ParkKindCode | null;
  @ApiProperty(prop(nullable(DEADLINE, 'the earliest deadline the case waits on')))
  nextDeadline!: DeadlineView | null;
  @ApiProperty({ description: 'a deadline of the case has passed' })
  overdue!: boolean;
  @ApiProperty({
    enum: DOCUMENT_PURPOSES,
    isArray: true,
    description:
      'R-DOC-1: the papers acceptance still needs on a submitted or returned case (empty in any other stage), ' +
      'so an acceptance queue shows which applications are complete',
  })
  missingPapers!: DocumentPurpose[];
  @ApiProperty({ format: 'date-time' })
  openedAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

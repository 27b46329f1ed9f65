import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DOCUMENT_PURPOSES, type DocumentPurpose } from '../../workflows/definitions/documents';
import { rule } from '../actions/action-bounds';

/** `POST /v1/cases/{caseId}/documents` (R-DOC-1): the form's fields, `multipart/form-data`. */
export class DocumentUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'the paper: PDF, OFD, JPEG, PNG or XLSX, judged by its content (not its name); at most DOCUMENT_MAX_BYTES ' +
      '(20 MB by default). An XLSX agency_roster is read: the first sheet, below the header row naming 名称 (or ' +
      '机构名称, name) and 统一社会信用代码 (or creditCode)',
  })
  // The form's parser (document-form.guard.ts) leaves the file on the request and its fingerprint here, for the
  // Idempotency-Key's hash; a text field of this name is no file (422 naming it). Not validated: never read.
  @IsOptional()
  file?: unknown;

  @ApiProperty({ enum: DOCUMENT_PURPOSES, example: 'district_government_letter' })
  @IsIn(DOCUMENT_PURPOSES, rule('R-DOC-1'))
  purpose!: DocumentPurpose;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the document of this case (same purpose) that this one is a new version of; it stays on the case',
  })
  @IsOptional()
  @IsUUID('all', rule('R-DOC-1'))
  replaces?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_PURPOSES,
  type DocumentContentType,
  type DocumentPurpose,
} from '../../workflows/definitions/documents';

/** A paper of a case as the API shows it (R-DOC-1): what it is, its fingerprint, who uploaded it, its versions. */
export class DocumentView {
  @ApiProperty({ format: 'uuid' })
  documentId!: string;
  @ApiProperty({ enum: DOCUMENT_PURPOSES })
  purpose!: DocumentPurpose;
  @ApiProperty({ description: 'lower-case hex SHA-256 of the bytes as stored', pattern: '^[0-9a-f]{64}$' })
  sha256!: string;
  @ApiProperty({ description: 'bytes', example: 482_113 })
  size!: number;
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES, description: 'as judged from the content at upload' })
  contentType!: DocumentContentType;
  @ApiProperty({ description: 'the name the uploader’s computer gave the file: shown, never trusted' })
  fileName!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the earlier version this document replaces' })
  replaces?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the later version that replaces this document' })
  replacedBy?: string;
  @ApiProperty({ description: 'the officer who uploaded it' })
  uploadedBy!: string;
  @ApiProperty({ description: 'when the case recorded it (policy time)', format: 'date-time' })
  uploadedAt!: string;
}

/** `GET /v1/cases/{caseId}/documents`: every version, in the order uploaded. */
export class DocumentListView {
  @ApiProperty({ type: [DocumentView] })
  items!: DocumentView[];
}

/** `GET /v1/documents/{documentId}`: the paper and a short-lived link that streams it. */
export class DocumentDetailView extends DocumentView {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty({
    description:
      'GET it (no bearer token: the signature is the credential, so a browser tab or frame can open it) to stream ' +
      'the file; signed for the caller, valid 5 minutes; each download is in the case’s audit trail',
    example: '/v1/documents/3f0c…/content?expires=1767000000&role=municipal&subject=municipal-officer&signature=…',
  })
  downloadUrl!: string;
  @ApiProperty({ format: 'date-time', description: 'when downloadUrl stops working' })
  downloadExpiresAt!: string;
}

import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../workflows/definitions/case';
import { DOCUMENT_CONTENT_TYPES } from '../../workflows/definitions/documents';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { nested, notFound } from '../common/api-error';
import { ApiReadErrors, ErrorBodySchema } from '../common/openapi';
import type { LinkQuery } from './document-link';
import { DocumentReadsService } from './document-reads.service';
import { contentDisposition } from './document-views';
import { DocumentDetailView } from './document.view';

/** A malformed `:documentId` is a paper that does not exist (404). */
const DocumentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound(nested('documents.someThing')) });

/**
 * What a downloaded paper may do in the browser: nothing — no scripts, no requests — beyond showing itself (PDF,
 * images) inline, also in a frame of the console's own origin; anything else downloads, in a sandbox.
 */
/** A download's body in the OpenAPI document. */
const BINARY = { type: 'string', format: 'binary' } as const;

const contentSecurityPolicy = (inline: boolean): string =>
  `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'${inline ? '' : '; sandbox'}`;

/** One paper (R-DOC-1): its metadata and link, and the download the link opens. */
@ApiTags('documents')
@ApiParam({ name: 'documentId', format: 'uuid' })
@Controller('v1/documents/:documentId')
export class DocumentsController {
  constructor(private readonly reads: DocumentReadsService) {}

  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One paper: metadata, versions, and a download link valid 5 minutes (scoped as its case)' })
  @ApiOkResponse({ type: DocumentDetailView })
  @ApiReadErrors()
  detail(
    @CurrentActor() actor: Actor,
    @Param('documentId', DocumentIdPipe) documentId: string,
  ): Promise<DocumentDetailView> {
    return this.reads.detail(actor, documentId);
  }

  @Get('content')
  @Public()
  @ApiOperation({
    summary:
      'Streams the paper (no bearer token: the signed link of GET /v1/documents/{documentId} is the credential); ' +
      'each download is in the case’s audit trail',
  })
  @ApiQuery({ name: 'expires', description: 'Unix seconds' })
  @ApiQuery({ name: 'role' })
  @ApiQuery({ name: 'subject' })
  @ApiQuery({ name: 'district', required: false })
  @ApiQuery({ name: 'issuer', required: false, description: 'the token issuer that vouched for the caller' })
  @ApiQuery({ name: 'signature' })
  // The paper's own type on success; every error is the contract's JSON error body.
  @ApiOkResponse({
    description: 'the bytes as uploaded',
    content: Object.fromEntries(DOCUMENT_CONTENT_TYPES.map((type) => [type, { schema: BINARY }])),
  })
  @ApiResponse({ status: 403, type: ErrorBodySchema, description: 'link_expired or link_invalid (altered, made up)' })
  @ApiResponse({
    status: 404,
    type: ErrorBodySchema,
    description: 'no such paper, or its case is no longer visible to the link’s holder',
  })
  @ApiResponse({ status: 503, type: ErrorBodySchema, description: 'the object store or PostgreSQL is down' })
  async content(
    @Param('documentId', DocumentIdPipe) documentId: string,
    @Query() query: LinkQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { record, object } = await this.reads.download(documentId, query);
    const disposition = contentDisposition(record.contentType, record.fileName);
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(disposition.startsWith('inline')));
    response.setHeader('X-Frame-Options', 'SAMEORIGIN');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(object.body, { type: record.contentType, length: object.length, disposition });
  }
}

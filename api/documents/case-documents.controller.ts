import { Body, Controller, Get, Param, Post, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { OFFICER_ACTIONS } from '../../workflows/definitions/officer-actions';
import { ActionPending } from '../action-outcomes/action-pending';
import { ActionPendingInterceptor } from '../action-outcomes/action-pending.interceptor';
import { ActionPendingView } from '../action-outcomes/action-pending.view';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { ApiActionErrors, ApiReadErrors, ErrorBodySchema } from '../common/openapi';
import { Idempotency, type IdempotencyClaim } from '../idempotency/idempotency-claim';
import { DocumentFormGuard, type UploadRequest } from './document-form.guard';
import { DocumentReadsService } from './document-reads.service';
import { DocumentUploadDto } from './document-upload.dto';
import { DocumentUploadService } from './document-upload.service';
import { DocumentListView, DocumentView } from './document.view';

const { roles, upload } = OFFICER_ACTIONS.attachDocument;

/** A case's papers (R-DOC-1, api-contract `POST`/`GET /v1/cases/{caseId}/documents`), scoped as the case is. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiParam({ name: 'caseId', format: 'uuid' })
@Controller('v1/cases/:caseId')
export class CaseDocumentsController {
  constructor(
    private readonly uploads: DocumentUploadService,
    private readonly reads: DocumentReadsService,
  ) {}

  @Post(upload.path)
  @Roles(...roles)
  @UseGuards(DocumentFormGuard)
  @UseInterceptors(ActionPendingInterceptor)
  @ApiOperation({ summary: upload.summary })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: DocumentUploadDto })
  @ApiCreatedResponse({ type: DocumentView, description: 'the paper as the case recorded it' })
  @ApiAcceptedResponse({
    type: ActionPendingView,
    description:
      'stored, and sent to the case, but no outcome within UPDATE_WAIT_MS; GET /v1/cases/{caseId}/actions/{updateId} ' +
      'gives it (refused: the stored copy is removed)',
  })
  @ApiResponse({
    status: 413,
    type: ErrorBodySchema,
    description: 'payload_too_large: the file is larger than DOCUMENT_MAX_BYTES (20 MB by default); details name file',
  })
  @ApiResponse({
    status: 415,
    type: ErrorBodySchema,
    description:
      'unsupported_media_type: the body is not multipart/form-data, or the file’s content is none of PDF, OFD, JPEG, ' +
      'PNG, XLSX (details name file, R-DOC-1)',
  })
  @ApiResponse({
    status: 503,
    type: ErrorBodySchema,
    description:
      'dependency_unavailable: the object store (details name object_store), Temporal or PostgreSQL is ' +
      'down, or no worker polls; nothing was stored',
  })
  @ApiActionErrors()
  upload(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Req() request: UploadRequest,
    @Body() form: DocumentUploadDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<DocumentView | ActionPending> {
    // The file from the request itself: as a route argument every pipe would walk its 20 MB, byte by byte.
    return this.uploads.upload(actor, caseId, request.file, form, idempotency);
  }

  @Get(upload.path)
  @ApiOperation({
    summary: 'The case’s papers: every version (replaces / replacedBy), in the order uploaded (R-DOC-1)',
  })
  @ApiOkResponse({ type: DocumentListView })
  @ApiReadErrors()
  list(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string): Promise<DocumentListView> {
    return this.reads.list(actor, caseId);
  }
}

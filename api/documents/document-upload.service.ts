import { HttpException, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DocumentObjects } from '../../persistence/object-store/document-objects';
import { ObjectStoreUnavailable } from '../../persistence/object-store/object-store-errors';
import {
  CaseDocumentsRepository,
  type PendingDocument,
} from '../../persistence/repositories/case-documents.repository';
import type { Actor } from '../../workflows/definitions/case';
import type { CaseDocument, RosterRow, StoredDocument } from '../../workflows/definitions/documents';
import { attachDocumentUpdate } from '../../workflows/definitions/messages';
import { ActionPending } from '../action-outcomes/action-pending';
import { CaseActionsService } from '../actions/case-actions.service';
import { CasesService } from '../cases/cases.service';
import type { IdempotencyClaim } from '../idempotency/idempotency-claim';
import { readRoster, RosterUnreadable } from './agency-roster';
import { fileMissing, objectStoreUnavailable, rosterUnreadable, typeNotAllowed } from './document-errors';
import type { UploadedPaper } from './document-form.guard';
import { sniffDocument, type SniffedDocument } from './document-type';
import type { DocumentUploadDto } from './document-upload.dto';
import { toDocumentView } from './document-views';
import type { DocumentView } from './document.view';

/** The most of a file's name that is kept (a name, not a text). */
const MAX_FILE_NAME = 255;

/** The file's name as shown: without control characters (a NUL cannot be stored), bounded; never trusted. */
const shownName = (name: string): string => name.replace(/\p{Cc}/gu, '').slice(0, MAX_FILE_NAME) || 'document';

/**
 * `POST /v1/cases/{caseId}/documents` (R-DOC-1): a paper judged by its content, stored, then recorded on the case by
 * its workflow — in an order that never leaves half of it behind. A row `pending` comes first (so no object is ever
 * without one), then the object; then the case's `attachDocument` Update, sent as every officer action is
 * ({@link CaseActionsService.send}: its bounded wait, 202, `Idempotency-Key`). Applied: the row is marked recorded
 * and the paper answered. Refused, or not sent: the object and the row go. No outcome within the wait (202): the row
 * stays pending until the case's change record marks it recorded (or the sweep, after its grace, removes both).
 */
@Injectable()
export class DocumentUploadService {
  private readonly logger = new Logger('DocumentUpload');
  private bucketChecked = false;

  constructor(
    private readonly cases: CasesService,
    private readonly actions: CaseActionsService,
    private readonly objects: DocumentObjects,
    private readonly documents: CaseDocumentsRepository,
  ) {}

  /** Uploads `file` for `purpose` to a case the caller may see (else 404), as described above. */
  async upload(
    actor: Actor,
    caseId: string,
    file: UploadedPaper | undefined,
    form: DocumentUploadDto,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<DocumentView | ActionPending> {
    const known = await this.cases.visibleSnapshot(actor, caseId);
    if (!file) throw fileMissing();
    const sniffed = await sniffDocument(file.buffer);
    if (!sniffed) throw typeNotAllowed();
    const document: StoredDocument = {
      documentId: randomUUID(),
      purpose: form.purpose,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      size: file.size,
      contentType: sniffed.contentType,
      fileName: shownName(file.originalname),
      ...(form.replaces === undefined ? {} : { replaces: form.replaces }),
      ...(await this.rosterOf(form, sniffed)),
    };
    const pending: PendingDocument = { ...document, caseId, objectKey: `documents/${randomUUID()}` };
    await this.store(pending, file.buffer);
    let answer: CaseDocument | ActionPending;
    try {
      answer = await this.actions.send(known, attachDocumentUpdate, { actor, document }, idempotency);
    } catch (error) {
      // An API error is a definite answer (refused 409 / 422, or nothing sent 503): the paper was not recorded.
      // Anything else leaves the outcome open: the pending row stays for the case's record, or the sweep.
      if (error instanceof HttpException) await this.discard(pending);
      throw error;
    }
    if (answer instanceof ActionPending) return answer;
    // A retry under an Idempotency-Key whose first request's update was applied is answered by that update: the
    // paper it recorded. This request's copy is then one too many.
    if (answer.documentId !== pending.documentId) await this.discard(pending);
    await this.documents.markRecorded([answer]);
    return toDocumentView(answer);
  }

  /** R-DOC-1: an XLSX agency roster's rows, read now (422 naming `file` when they cannot be); nothing otherwise. */
  private async rosterOf(form: DocumentUploadDto, sniffed: SniffedDocument): Promise<{ roster?: RosterRow[] }> {
    const spreadsheet = sniffed.contentType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (form.purpose !== 'agency_roster' || !spreadsheet || !sniffed.zip) return {};
    try {
      return { roster: await readRoster(sniffed.zip) };
    } catch (error) {
      if (error instanceof RosterUnreadable) throw rosterUnreadable(error);
      throw error;
    }
  }

  /** The row, then the object; when the object cannot be stored the row goes too (503 naming `object_store`). */
  private async store(pending: PendingDocument, bytes: Buffer): Promise<void> {
    await this.documents.insertPending(pending);
    try {
      if (!this.bucketChecked) await this.objects.ensureBucket(); // when the start could not (the store was down)
      this.bucketChecked = true;
      await this.objects.put(pending.objectKey, bytes, pending.contentType, pending.sha256);
    } catch (error) {
      await this.documents.removePending(pending.documentId);
      throw error instanceof ObjectStoreUnavailable ? objectStoreUnavailable() : error;
    }
  }

  /**
   * Removes a paper the case did not record: its object, then its row. When the store cannot be reached the row
   * stays pending — the sweep removes both later — so that no object is ever left without a row naming it.
   */
  private async discard(pending: PendingDocument): Promise<void> {
    try {
      await this.objects.remove(pending.objectKey);
      await this.documents.removePending(pending.documentId);
    } catch (error) {
      this.logger.warn(
        `could not remove document ${pending.documentId} of case ${pending.caseId} that the case did not record ` +
          `(left pending for the sweep): ${(error as Error)?.message ?? error}`,
      );
    }
  }
}

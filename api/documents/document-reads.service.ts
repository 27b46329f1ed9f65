import { HttpStatus, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DocumentObjects, type OpenedObject } from '../../persistence/object-store/document-objects';
import { ObjectStoreUnavailable } from '../../persistence/object-store/object-store-errors';
import { CaseDocumentsRepository, type DocumentRecord } from '../../persistence/repositories/case-documents.repository';
import { CaseHistoryRepository } from '../../persistence/repositories/case-history.repository';
import type { Actor } from '../../workflows/definitions/case';
import { DOCUMENT_DOWNLOADED } from '../../workflows/definitions/documents';
import { policyDateAt } from '../../workflows/definitions/policy-time';
import { CasesService } from '../cases/cases.service';
import { ApiError } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { documentNotFound, linkRefused, objectStoreUnavailable } from './document-errors';
import { signLink, verifyLink, type LinkQuery } from './document-link';
import { toDocumentView, withVersions } from './document-views';
import type { DocumentDetailView, DocumentListView } from './document.view';

/** A paper being downloaded: its record and its bytes from the store. */
export interface Download {
  record: DocumentRecord;
  object: OpenedObject;
}

/**
 * Reads of a case's papers (R-DOC-1), scoped exactly as the case is (a district its own cases, an expert the cases
 * on their panel): the list, one paper with a signed download link, and the download itself — which needs no bearer
 * token (the link is the credential) and is appended to the case's audit trail under the name the link was issued to.
 */
@Injectable()
export class DocumentReadsService {
  /** DOCUMENT_LINK_SECRET, or (outside production, where it is required) a random key of this process. */
  private readonly linkKey: Buffer;

  constructor(
    private readonly cases: CasesService,
    private readonly documents: CaseDocumentsRepository,
    private readonly objects: DocumentObjects,
    private readonly auditTrail: CaseHistoryRepository,
    private readonly config: AppConfig,
  ) {
    this.linkKey = config.DOCUMENT_LINK_SECRET ? Buffer.from(config.DOCUMENT_LINK_SECRET) : randomBytes(32);
  }

  /** `GET /v1/cases/{caseId}/documents`: the recorded papers of a case the caller may see (else 404). */
  async list(actor: Actor, caseId: string): Promise<DocumentListView> {
    await this.cases.assertVisible(actor, caseId);
    return { items: withVersions(await this.documents.recordedOf(caseId)) };
  }

  /** `GET /v1/documents/{documentId}`: the paper, its versions, and a link valid 5 minutes signed for the caller. */
  async detail(actor: Actor, documentId: string): Promise<DocumentDetailView> {
    const record = await this.recorded(documentId);
    try {
      await this.cases.assertVisible(actor, record.caseId);
    } catch (error) {
      // A paper of a case the caller may not see does not exist for them; its case is not named either.
      if (error instanceof ApiError && error.getStatus() === HttpStatus.NOT_FOUND) throw documentNotFound(documentId);
      throw error;
    }
    const view = withVersions(await this.documents.recordedOf(record.caseId)).find((d) => d.documentId === documentId);
    const link = signLink(this.linkKey, documentId, actor, Date.now());
    return {
      ...(view ?? toDocumentView(record)),
      caseId: record.caseId,
      downloadUrl: link.path,
      downloadExpiresAt: link.expiresAt,
    };
  }

  /**
   * `GET /v1/documents/{documentId}/content`: the paper's bytes for the holder of a valid link (403 when it has
   * expired or was not signed here). The download is in the case's audit trail before a byte is sent — when it cannot
   * be recorded, nothing is.
   */
  async download(documentId: string, query: LinkQuery): Promise<Download> {
    const actor = verifyLink(this.linkKey, documentId, query, Date.now());
    if (typeof actor === 'string') throw linkRefused(actor, documentId);
    const record = await this.recorded(documentId);
    // The holder's scope, checked again (a district moved, an expert taken off the panel), and the case's own clock.
    const { openedAtMs, clockAdvancedDays } = await this.cases.visibleSnapshot(actor, record.caseId);
    const at = policyDateAt(openedAtMs, Date.now(), this.config.POLICY_TIME_SCALE, clockAdvancedDays).toISOString();
    let object: OpenedObject | undefined;
    try {
      object = await this.objects.open(record.objectKey);
    } catch (error) {
      throw error instanceof ObjectStoreUnavailable ? objectStoreUnavailable() : error;
    }
    if (!object) throw documentNotFound(documentId);
    try {
      await this.auditTrail.append({
        eventId: randomUUID(),
        caseId: record.caseId,
        at, // in policy time, as every entry of the trail (compressed on training and test stacks)
        actor,
        action: DOCUMENT_DOWNLOADED,
        details: { documentId, purpose: record.purpose, sha256: record.sha256 },
      });
    } catch (error) {
      object.body.destroy(); // releases the store's connection
      throw error;
    }
    return { record, object };
  }

  /** The recorded paper `documentId`; 404 for none, or one whose upload the case has not recorded. */
  private async recorded(documentId: string): Promise<DocumentRecord> {
    const record = await this.documents.find(documentId);
    if (record?.status !== 'recorded') throw documentNotFound(documentId);
    return record;
  }
}

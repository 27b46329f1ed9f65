import type { Database } from './database';

/**
 * Why the document sweep removed something (issue 25 item 5): an object that no `case_documents` row names, a
 * pending paper (row and object) its case never recorded, or a multipart upload never finished (its parts).
 */
export type SweepReason = 'stray_object' | 'never_recorded' | 'unfinished_upload';

/** One removal by the sweep: the object key, why, and the paper and case when a row named them. */
export interface SweepRemoval {
  objectKey: string;
  reason: SweepReason;
  documentId?: string;
  caseId?: string;
}

/** The `document_sweep_removals` table: what the sweep removed, once per object key and reason. */
export class DocumentSweepRemovalsRepository {
  constructor(private readonly db: Database) {}

  /** Records `removal` (before it is done); a removal recorded already — a re-run after a crash — is left as it is. */
  async record({ objectKey, reason, documentId, caseId }: SweepRemoval): Promise<void> {
    await this.db.query(
      `INSERT INTO document_sweep_removals (object_key, reason, document_id, case_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (object_key, reason) DO NOTHING`,
      [objectKey, reason, documentId ?? null, caseId ?? null],
    );
  }
}

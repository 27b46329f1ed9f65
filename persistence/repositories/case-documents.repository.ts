import type { CaseDocument, DocumentContentType, DocumentPurpose } from '../../workflows/definitions/documents';
import type { Database } from './database';

/** A paper as the API stores it before the case's workflow has recorded it (R-DOC-1). */
export interface PendingDocument {
  documentId: string;
  caseId: string;
  purpose: DocumentPurpose;
  /** Where the bytes are in the object store: random, never derived from the id. */
  objectKey: string;
  sha256: string;
  size: number;
  contentType: DocumentContentType;
  fileName: string;
  replaces?: string;
}

/** A row of `case_documents` as read back; `uploadedBy` and `uploadedAt` once the case recorded the paper. */
export interface DocumentRecord extends PendingDocument {
  status: 'pending' | 'recorded';
  uploadedBy?: string;
  uploadedAt?: string;
}

/** A pending row as the sweep weighs it: its paper, its object and its age. */
export type PendingPaper = Pick<PendingDocument, 'documentId' | 'caseId' | 'objectKey'> & { createdAt: Date };

/** What marks a paper recorded: as the case's workflow recorded it (`CaseSnapshot.documents`). */
export type RecordedDocument = Pick<CaseDocument, 'documentId' | 'uploadedBy' | 'uploadedAt'>;

const COLUMNS = `document_id AS "documentId", case_id AS "caseId", purpose, object_key AS "objectKey", sha256,
  size::int AS size, content_type AS "contentType", file_name AS "fileName", replaces, status,
  uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`;

interface Row extends Omit<DocumentRecord, 'replaces' | 'uploadedBy' | 'uploadedAt'> {
  replaces: string | null;
  uploadedBy: string | null;
  uploadedAt: Date | null;
}

const toRecord = ({ replaces, uploadedBy, uploadedAt, ...row }: Row): DocumentRecord => ({
  ...row,
  ...(replaces === null ? {} : { replaces }),
  ...(uploadedBy === null ? {} : { uploadedBy }),
  ...(uploadedAt === null ? {} : { uploadedAt: uploadedAt.toISOString() }),
});

/**
 * The `case_documents` table (R-DOC-1): the papers of each case by id, with the object key of their bytes. A row is
 * written `pending` before its object is stored and becomes `recorded` once the case's workflow has recorded the
 * paper; only recorded papers are listed or downloaded.
 */
export class CaseDocumentsRepository {
  constructor(private readonly db: Database) {}

  /** Stores `document` as pending: before its bytes go to the object store, so no object is ever without a row. */
  async insertPending(document: PendingDocument): Promise<void> {
    const { documentId, caseId, purpose, objectKey, sha256, size, contentType, fileName, replaces } = document;
    await this.db.query(
      `INSERT INTO case_documents
         (document_id, case_id, purpose, object_key, sha256, size, content_type, file_name, replaces)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [documentId, caseId, purpose, objectKey, sha256, size, contentType, fileName, replaces ?? null],
    );
  }

  /**
   * Marks `documents` recorded, with who uploaded each and when, as the case's workflow recorded them: called by the
   * API once its Update applied, and by the change record of every case version (`snapshot.documents`), which also
   * settles an upload answered 202. Idempotent; ids without a row (or recorded already) are left alone.
   */
  async markRecorded(documents: readonly RecordedDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.db.query(
      `UPDATE case_documents d SET status = 'recorded', uploaded_by = v.by, uploaded_at = v.at
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS v(id, by, at)
       WHERE d.document_id = v.id AND d.status = 'pending'`,
      [documents.map((d) => d.documentId), documents.map((d) => d.uploadedBy), documents.map((d) => d.uploadedAt)],
    );
  }

  /**
   * Forgets a paper that was never recorded (its upload failed or was refused; the sweep: its case never recorded it).
   * True when a pending row went; false when there was none (recorded meanwhile, or forgotten already).
   */
  async removePending(documentId: string): Promise<boolean> {
    // A CTE, so the answer is rows (TypeORM answers a bare DELETE with [rows, count]).
    const [{ removed }]: Array<{ removed: number }> = await this.db.query(
      `WITH removed AS (DELETE FROM case_documents WHERE document_id = $1 AND status = 'pending' RETURNING 1)
       SELECT count(*)::int AS removed FROM removed`,
      [documentId],
    );
    return removed > 0;
  }

  /** The sweep: every pending paper, oldest first, with when its row was written (before its object was stored). */
  async pendingPapers(): Promise<PendingPaper[]> {
    return this.db.query(
      `SELECT document_id AS "documentId", case_id AS "caseId", object_key AS "objectKey", created_at AS "createdAt"
       FROM case_documents WHERE status = 'pending' ORDER BY created_at, document_id`,
    );
  }

  /** The sweep: which of `objectKeys` a row names (pending or recorded); an object no row names is a stray. */
  async objectKeysAmong(objectKeys: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ objectKey: string }> = await this.db.query(
      `SELECT object_key AS "objectKey" FROM case_documents WHERE object_key = ANY($1::text[])`,
      [objectKeys],
    );
    return new Set(rows.map((row) => row.objectKey));
  }

  /**
   * The sweep: those of `documentIds` that their own case's read-model snapshot records (`park_cases.snapshot
   * ->documents`), as recorded there: the paper is the case's, only the answer that marks its row got lost.
   */
  async recordedBySnapshots(documentIds: readonly string[]): Promise<RecordedDocument[]> {
    if (documentIds.length === 0) return [];
    return this.db.query(
      `SELECT paper->>'documentId' AS "documentId", paper->>'uploadedBy' AS "uploadedBy",
              paper->>'uploadedAt' AS "uploadedAt"
       FROM case_documents d
       JOIN park_cases c ON c.case_id = d.case_id
       CROSS JOIN LATERAL jsonb_array_elements(COALESCE(c.snapshot->'documents', '[]'::jsonb)) AS paper
       WHERE d.document_id = ANY($1::uuid[]) AND paper->>'documentId' = d.document_id::text`,
      [documentIds],
    );
  }

  /** The paper `documentId`, pending or recorded; undefined when there is none. */
  async find(documentId: string): Promise<DocumentRecord | undefined> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM case_documents WHERE document_id = $1`, [
      documentId,
    ]);
    return rows.length > 0 ? toRecord(rows[0]) : undefined;
  }

  /** The recorded papers of `caseId`, every version, in the order uploaded. */
  async recordedOf(caseId: string): Promise<DocumentRecord[]> {
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM case_documents WHERE case_id = $1 AND status = 'recorded'
       ORDER BY created_at, document_id`,
      [caseId],
    );
    return rows.map(toRecord);
  }
}

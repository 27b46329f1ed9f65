import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R-DOC-1: the papers uploaded to a case — their fingerprint, type, name and object key, never their bytes (those are
 * in the object store). A row is `pending` from before its object is stored until the case's workflow has recorded
 * the paper, then `recorded`; a row left pending (an upload interrupted after the store, or sent to the workflow
 * without an answer) is what the sweep looks at, by age. The object key is random, never derived from the id.
 */
export class CaseDocuments1765195200000 implements MigrationInterface {
  name = 'CaseDocuments1765195200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE case_documents (
      document_id uuid PRIMARY KEY,
      case_id text NOT NULL,
      purpose text NOT NULL,
      object_key text NOT NULL UNIQUE,
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL CHECK (size >= 0),
      content_type text NOT NULL,
      file_name text NOT NULL,
      replaces uuid,
      uploaded_by text,
      uploaded_at timestamptz,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'recorded')),
      created_at timestamptz NOT NULL DEFAULT now())`);
    // GET /v1/cases/{caseId}/documents: a case's papers in the order uploaded.
    await db.query('CREATE INDEX case_documents_case_idx ON case_documents (case_id, created_at, document_id)');
    // The sweep: pending rows older than its grace period, oldest first.
    await db.query(`CREATE INDEX case_documents_pending_idx ON case_documents (created_at) WHERE status = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE case_documents');
  }
}

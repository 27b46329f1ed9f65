import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 25 item 5: what the document sweep removed (activities/documents/document-sweep.activities.ts) — an object no
 * `case_documents` row names, a pending paper its case never recorded (row and object), an upload never finished.
 * One row per object key and reason: the sweep writes it before it removes, and a re-run after a crash writes none
 * again (`ON CONFLICT DO NOTHING`).
 */
export class DocumentSweepRemovals1765281600000 implements MigrationInterface {
  name = 'DocumentSweepRemovals1765281600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE document_sweep_removals (
      object_key text NOT NULL,
      reason text NOT NULL CHECK (reason IN ('stray_object', 'never_recorded', 'unfinished_upload')),
      document_id uuid,
      case_id text,
      removed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (object_key, reason))`);
    // Operators read the newest first (docs/operations.md "The document sweep").
    await db.query('CREATE INDEX document_sweep_removals_removed_idx ON document_sweep_removals (removed_at DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE document_sweep_removals');
  }
}

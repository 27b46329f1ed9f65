import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An `in_progress` idempotency key is a lease, not a lock held for good: `lease_expires_at` says until when the
 * request that claimed the key owns it (after that a retry with the same key and body takes it over), and
 * `attempt` numbers the owners, so an owner that outlived its lease cannot overwrite or free its successor's
 * claim. Existing rows (and rows written by an API that predates this column) get a one-minute lease.
 */
export class IdempotencyLeases1764475200000 implements MigrationInterface {
  name = 'IdempotencyLeases1764475200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE idempotency_keys
      ADD COLUMN lease_expires_at timestamptz NOT NULL DEFAULT (now() + interval '1 minute'),
      ADD COLUMN attempt integer NOT NULL DEFAULT 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE idempotency_keys DROP COLUMN lease_expires_at, DROP COLUMN attempt');
  }
}

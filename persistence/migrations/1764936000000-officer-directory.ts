import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20 item 2, every officer reached: the officer directory (`officers`: who signed in or was imported from the
 * identity provider, with the address their notices are emailed to), read marks per officer (`notification_reads`),
 * the expert's and the finance desk's inboxes in list order (as `ReadIndexes…` did for the bureaus'), and the unread
 * notices of every inbox, which each page counts (`unreadCount`).
 *
 * Read marks were one per notice (`notifications.read_at`), shared by everyone who reads that inbox. Who set them
 * was never recorded, so they cannot be moved to an officer: they stay where they are as marks of the whole inbox
 * (a notice read before this migration stays read for all its readers), and new marks are an officer's own.
 */
export class OfficerDirectory1764936000000 implements MigrationInterface {
  name = 'OfficerDirectory1764936000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE officers (
      subject text PRIMARY KEY,
      role text NOT NULL CHECK (role IN ('district', 'municipal', 'expert', 'finance')),
      district text,
      email text,
      display_name text,
      last_sign_in_at timestamptz,
      source text NOT NULL CHECK (source IN ('sign_in', 'import')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await db.query('CREATE INDEX officers_role_idx ON officers (role, subject)');
    await db.query(`CREATE TABLE notification_reads (
      notification_key text NOT NULL REFERENCES notifications (key),
      officer_sub text NOT NULL,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (officer_sub, notification_key))`);
    await db.query(
      `COMMENT ON COLUMN notifications.read_at IS ` +
        `'read by the whole inbox before marks were per officer (notification_reads); no longer written'`,
    );
    await db.query(
      `CREATE INDEX notifications_expert_inbox_idx ON notifications (recipient_id, issued_at DESC, key DESC)
       WHERE recipient_role = 'expert'`,
    );
    await db.query(
      `CREATE INDEX notifications_finance_inbox_idx ON notifications (issued_at DESC, key DESC)
       WHERE recipient_role = 'finance'`,
    );
    // Each inbox page counts what its reader has not read: from this index alone, less the reader's own marks.
    await db.query(
      `CREATE INDEX notifications_unread_idx ON notifications (recipient_role, recipient_district, recipient_id, key)
       WHERE read_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX notifications_unread_idx');
    await db.query('DROP INDEX notifications_finance_inbox_idx');
    await db.query('DROP INDEX notifications_expert_inbox_idx');
    await db.query('COMMENT ON COLUMN notifications.read_at IS NULL');
    await db.query('DROP TABLE notification_reads');
    await db.query('DROP TABLE officers');
  }
}

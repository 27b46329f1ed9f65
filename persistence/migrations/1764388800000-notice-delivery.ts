import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices that reach people: each district's contact addresses, the delivery status of every notice, and the
 * outbox of email deliveries (one row per notice and address, its primary key the dedupe key).
 */
export class NoticeDelivery1764388800000 implements MigrationInterface {
  name = 'NoticeDelivery1764388800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE district_contacts (
      district text NOT NULL REFERENCES districts (code),
      email text NOT NULL,
      name text,
      locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
      position integer NOT NULL,
      PRIMARY KEY (district, email))`);
    // A notice is in the inbox only until the deliverNotices activity finds addresses for it (then `pending`), or
    // finds none (`no_contacts`); notices to the finance desk or experts, and all earlier ones, stay as they are.
    await db.query(`ALTER TABLE notifications ADD COLUMN delivery_status text NOT NULL DEFAULT 'inbox_only'
      CHECK (delivery_status IN ('inbox_only', 'pending', 'delivered', 'partially_failed', 'failed', 'no_contacts'))`);
    await db.query(`CREATE TABLE notice_deliveries (
      dedupe_key text PRIMARY KEY,
      notice_key text NOT NULL REFERENCES notifications (key),
      address text NOT NULL,
      locale text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      message_id text NOT NULL,
      UNIQUE (notice_key, address))`);
    await db.query(
      `CREATE INDEX notice_deliveries_open_idx ON notice_deliveries (notice_key) WHERE status = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notice_deliveries');
    await db.query('ALTER TABLE notifications DROP COLUMN delivery_status');
    await db.query('DROP TABLE district_contacts');
  }
}

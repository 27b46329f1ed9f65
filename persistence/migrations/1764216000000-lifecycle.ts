import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The case lifecycle: audit trail, notices, the payments ledger and the local treasury's record. */
export class Lifecycle1764216000000 implements MigrationInterface {
  name = 'Lifecycle1764216000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE case_audit (
      event_id text PRIMARY KEY,
      case_id text NOT NULL,
      at timestamptz NOT NULL,
      actor jsonb NOT NULL,
      action text NOT NULL,
      details jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await db.query('CREATE INDEX case_audit_case_idx ON case_audit (case_id, at)');
    await db.query(`CREATE TABLE notifications (
      key text PRIMARY KEY,
      case_id text NOT NULL,
      kind text NOT NULL,
      recipient_role text NOT NULL,
      recipient_district text,
      recipient_id text,
      due_at timestamptz,
      issued_at timestamptz NOT NULL,
      clause text NOT NULL,
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz)`);
    await db.query(
      'CREATE INDEX notifications_recipient_idx ON notifications (recipient_role, recipient_district, issued_at DESC)',
    );
    await db.query('CREATE INDEX notifications_case_idx ON notifications (case_id)');
    await db.query(`CREATE TABLE payments (
      case_id text NOT NULL,
      payment_id text NOT NULL,
      kind text NOT NULL,
      amount bigint NOT NULL CHECK (amount > 0),
      district text NOT NULL,
      status text NOT NULL,
      instructed_at timestamptz NOT NULL,
      treasury_reference text,
      handed_to_treasury_at timestamptz,
      paid_at timestamptz,
      bank_reference text,
      PRIMARY KEY (case_id, payment_id))`);
    await db.query(`CREATE TABLE treasury_instructions (
      case_id text NOT NULL,
      payment_id text NOT NULL,
      kind text NOT NULL,
      amount bigint NOT NULL,
      district text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, payment_id))`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['treasury_instructions', 'payments', 'notifications', 'case_audit'])
      await db.query(`DROP TABLE ${table}`);
  }
}

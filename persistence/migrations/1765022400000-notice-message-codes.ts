import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: a notice's text as the workflow emits it — a catalogue code and its parameters — so each reader's inbox
 * and email renders it in their language. `message` stays: the zh-CN rendering for ops and SQL readers, and the only
 * text of notices recorded before (their code stays NULL; readers fall back to `message`).
 */
export class NoticeMessageCodes1765022400000 implements MigrationInterface {
  name = 'NoticeMessageCodes1765022400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE notifications ADD COLUMN message_code text, ADD COLUMN message_params jsonb');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE notifications DROP COLUMN message_code, DROP COLUMN message_params');
  }
}

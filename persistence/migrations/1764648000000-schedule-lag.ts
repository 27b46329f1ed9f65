import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How late each system event of a case's schedule (reminder, weekly notice, lapse) was recorded after it was due
 * (issue 13): `due_wall_at` is when it was due on the clock (POLICY_TIME_SCALE compresses policy time),
 * `lag_policy_days` how far behind its recording was, in policy days. Null for officer actions and for events
 * recorded before this column. The partial index serves the readiness check's look at the last minutes.
 */
export class ScheduleLag1764648000000 implements MigrationInterface {
  name = 'ScheduleLag1764648000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_audit
      ADD COLUMN due_wall_at timestamptz,
      ADD COLUMN lag_policy_days double precision`);
    await db.query(
      'CREATE INDEX case_audit_schedule_lag_idx ON case_audit (recorded_at) WHERE lag_policy_days IS NOT NULL',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX case_audit_schedule_lag_idx');
    await db.query('ALTER TABLE case_audit DROP COLUMN due_wall_at, DROP COLUMN lag_policy_days');
  }
}

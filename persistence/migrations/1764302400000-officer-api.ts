import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officers' API: deadlines and designation dates in the read model (lists, `/v1/deadlines`,
 * `/v1/stats/designations`) and the stored responses of `Idempotency-Key` requests.
 */
export class OfficerApi1764302400000 implements MigrationInterface {
  name = 'OfficerApi1764302400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE park_cases ADD COLUMN designated_at timestamptz, ADD COLUMN revoked_at timestamptz');
    await db.query(
      `UPDATE park_cases SET
      designated_at = (snapshot->'designation'->>'designatedAt')::timestamptz,
      revoked_at = (SELECT min((e->>'decidedAt')::timestamptz) FROM jsonb_array_elements(snapshot->'evaluations') e ` +
        `WHERE e->>'outcome' = 'revoke')`,
    );
    await db.query('CREATE INDEX park_cases_opened_idx ON park_cases (opened_at DESC, case_id DESC)');
    // due_at is a policy date (what officers see); due_wall_at is when it passes on the clock, which differs
    // from due_at when POLICY_TIME_SCALE compresses time, and decides "overdue".
    await db.query(`CREATE TABLE case_deadlines (
      case_id text NOT NULL REFERENCES park_cases (case_id) ON DELETE CASCADE,
      kind text NOT NULL,
      due_at timestamptz NOT NULL,
      due_wall_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, kind, due_at))`);
    await db.query('CREATE INDEX case_deadlines_due_idx ON case_deadlines (due_at, case_id, kind)');
    await db.query('CREATE INDEX case_deadlines_wall_idx ON case_deadlines (due_wall_at)');
    await db.query(`CREATE TABLE idempotency_keys (
      caller text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      body_hash text NOT NULL,
      status integer,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (caller, key))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_keys');
    await db.query('DROP TABLE case_deadlines');
    await db.query('DROP INDEX park_cases_opened_idx');
    await db.query('ALTER TABLE park_cases DROP COLUMN designated_at, DROP COLUMN revoked_at');
  }
}

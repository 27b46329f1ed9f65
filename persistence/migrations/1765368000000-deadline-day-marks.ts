import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R-CAL-3 in the list of deadlines across cases (`GET /v1/deadlines`), as the case view already says it: the day a
 * deadline moved from (`shifted_from`) and why (`shift_reason`), and whether its year's holiday arrangement is
 * unpublished (`provisional`: the law-fixed holidays decided the day, which may still move). Rows already written take
 * the marks from their case's recorded snapshot, so no deadline loses what its case view shows.
 */
export class DeadlineDayMarks1765368000000 implements MigrationInterface {
  name = 'DeadlineDayMarks1765368000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_deadlines
      ADD COLUMN shifted_from date,
      ADD COLUMN shift_reason text,
      ADD COLUMN provisional boolean NOT NULL DEFAULT false`);
    await db.query(`UPDATE case_deadlines d
      SET shifted_from = (e->>'shiftedFrom')::date,
          shift_reason = e->>'reason',
          provisional = coalesce((e->>'provisional')::boolean, false)
      FROM park_cases c, jsonb_array_elements(c.snapshot->'deadlines') e
      WHERE c.case_id = d.case_id AND e->>'kind' = d.kind AND (e->>'dueAt')::timestamptz = d.due_at`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE case_deadlines DROP COLUMN shifted_from, DROP COLUMN shift_reason, DROP COLUMN provisional',
    );
  }
}

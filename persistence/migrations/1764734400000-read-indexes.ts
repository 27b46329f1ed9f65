import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the lists at scale (issue 13 item 4, measured by `npm run bench:reads` with 10,000 cases and 200,000
 * notices): each list's filter followed by its order, so that a page is read in order and the scan stops after
 * `limit` rows instead of sorting every match.
 *
 * - `GET /v1/cases` by stage, or in a district (a district officer's scope, or the filter): the stage and district
 *   indexes gain the list's order (opened_at DESC, case_id DESC), which also serves the cursor's row comparison.
 *   Before, a stage or district was found by walking all cases newest first (or a bitmap and a sort).
 * - An expert's lists (`(snapshot->'panel'->'expertIds') ? $1`): a GIN index on that expression. Before, every
 *   case's snapshot was read and decompressed (a sequential scan of park_cases, about 300 ms).
 * - "Overdue" (`due_wall_at <= now()`, for every case a list shows): the deadlines passed on the clock with their
 *   case, read from the index alone.
 * - `GET /v1/notifications`: the municipal inbox was sorted whole on every page (its rows all have a NULL district,
 *   which the old (role, district, issued_at) index could not tell the planner), a district's inbox sorted by key
 *   within each issued_at; now one partial index per inbox in the list's full order (issued_at DESC, key DESC), and
 *   one for the municipal inbox by kind (a rare kind was found by walking the whole inbox).
 *
 * The indexes replaced are prefixes of the new ones, or served only the inbox.
 */
export class ReadIndexes1764734400000 implements MigrationInterface {
  name = 'ReadIndexes1764734400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX park_cases_stage_list_idx ON park_cases (stage, opened_at DESC, case_id DESC)');
    await db.query('DROP INDEX park_cases_stage_idx');
    await db.query('CREATE INDEX park_cases_district_list_idx ON park_cases (district, opened_at DESC, case_id DESC)');
    await db.query('DROP INDEX park_cases_district_idx');
    await db.query(
      `CREATE INDEX park_cases_panel_experts_idx ON park_cases USING gin ((snapshot->'panel'->'expertIds'))`,
    );
    await db.query('CREATE INDEX case_deadlines_wall_case_idx ON case_deadlines (due_wall_at, case_id)');
    await db.query('DROP INDEX case_deadlines_wall_idx');
    await db.query(
      `CREATE INDEX notifications_municipal_inbox_idx ON notifications (issued_at DESC, key DESC)
       WHERE recipient_role = 'municipal'`,
    );
    await db.query(
      `CREATE INDEX notifications_municipal_kind_idx ON notifications (kind, issued_at DESC, key DESC)
       WHERE recipient_role = 'municipal'`,
    );
    await db.query(
      `CREATE INDEX notifications_district_inbox_idx ON notifications (recipient_district, issued_at DESC, key DESC)
       WHERE recipient_role = 'district'`,
    );
    await db.query('DROP INDEX notifications_recipient_idx');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE INDEX notifications_recipient_idx ON notifications (recipient_role, recipient_district, issued_at DESC)',
    );
    await db.query('DROP INDEX notifications_district_inbox_idx');
    await db.query('DROP INDEX notifications_municipal_kind_idx');
    await db.query('DROP INDEX notifications_municipal_inbox_idx');
    await db.query('CREATE INDEX case_deadlines_wall_idx ON case_deadlines (due_wall_at)');
    await db.query('DROP INDEX case_deadlines_wall_case_idx');
    await db.query('DROP INDEX park_cases_panel_experts_idx');
    await db.query('CREATE INDEX park_cases_district_idx ON park_cases (district)');
    await db.query('DROP INDEX park_cases_district_list_idx');
    await db.query('CREATE INDEX park_cases_stage_idx ON park_cases (stage)');
    await db.query('DROP INDEX park_cases_stage_list_idx');
  }
}

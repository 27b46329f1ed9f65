import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHONGQING_DISTRICTS } from '../reference/chongqing-districts';

/** Districts reference data, the case read model and the filing log. */
export class InitialSchema1764129600000 implements MigrationInterface {
  name = 'InitialSchema1764129600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE districts (
      code text PRIMARY KEY,
      name text NOT NULL,
      name_en text NOT NULL)`);
    for (const district of CHONGQING_DISTRICTS) {
      await db.query('INSERT INTO districts (code, name, name_en) VALUES ($1, $2, $3)', [
        district.code,
        district.name,
        district.nameEn,
      ]);
    }
    await db.query(`CREATE TABLE park_cases (
      case_id text PRIMARY KEY,
      district text NOT NULL REFERENCES districts(code),
      park_name text NOT NULL,
      stage text NOT NULL,
      version integer NOT NULL,
      snapshot jsonb NOT NULL,
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL)`);
    await db.query('CREATE INDEX park_cases_district_idx ON park_cases (district)');
    await db.query('CREATE INDEX park_cases_stage_idx ON park_cases (stage)');
    await db.query(`CREATE TABLE case_submissions (
      case_id text NOT NULL REFERENCES park_cases(case_id),
      submission_no integer NOT NULL,
      outcome text NOT NULL,
      deficiencies jsonb NOT NULL,
      application jsonb NOT NULL,
      submitted_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, submission_no))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE case_submissions');
    await db.query('DROP TABLE park_cases');
    await db.query('DROP TABLE districts');
  }
}

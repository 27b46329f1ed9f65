import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R-CAL-3 (issue 15): holiday arrangements an operator imported (`npm run calendar -- import <file>`) for a year the
 * installed data does not cover yet, or covers wrongly. One row per year; it replaces the installed data's year.
 */
export class HolidayArrangements1764820800000 implements MigrationInterface {
  name = 'HolidayArrangements1764820800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE holiday_arrangements (
      year integer PRIMARY KEY,
      source text NOT NULL,
      rest_days jsonb NOT NULL,
      workdays jsonb NOT NULL,
      digest text NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE holiday_arrangements');
  }
}

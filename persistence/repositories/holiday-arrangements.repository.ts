import type { HolidayArrangement } from '../../workflows/definitions/work-calendar';
import type { Database } from './database';

/** The holiday arrangements operators imported (`holiday_arrangements`), one per year. */
export class HolidayArrangementsRepository {
  constructor(private readonly db: Database) {}

  /** Every imported year, in order. */
  async list(): Promise<HolidayArrangement[]> {
    const rows: Array<{
      year: number;
      source: string;
      rest_days: Record<string, string>;
      workdays: Record<string, string>;
    }> = await this.db.query('SELECT year, source, rest_days, workdays FROM holiday_arrangements ORDER BY year');
    return rows.map((row) => ({ year: row.year, source: row.source, restDays: row.rest_days, workdays: row.workdays }));
  }

  /** Stores `arrangement` for its year, replacing an earlier import of that year; `digest` names the version. */
  async save(arrangement: HolidayArrangement, digest: string): Promise<void> {
    await this.db.query(
      `INSERT INTO holiday_arrangements (year, source, rest_days, workdays, digest) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, rest_days = EXCLUDED.rest_days,
         workdays = EXCLUDED.workdays, digest = EXCLUDED.digest, imported_at = now()`,
      [arrangement.year, arrangement.source, arrangement.restDays, arrangement.workdays, digest],
    );
  }
}

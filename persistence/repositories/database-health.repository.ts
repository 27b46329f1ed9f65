import type { Database } from './database';

/** Whether PostgreSQL answers (the readiness check). */
export class DatabaseHealthRepository {
  constructor(private readonly db: Database) {}

  /** Resolves when PostgreSQL answers a trivial query; rejects with the driver's error otherwise. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}

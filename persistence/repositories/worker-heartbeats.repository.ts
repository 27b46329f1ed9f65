import type { Database } from './database';

/** How long a worker's row is kept after its last heartbeat: long after it counts, so that ops can see who went. */
const FORGET_AFTER = "interval '1 day'";

/**
 * The `worker_heartbeats` table: each running worker's last sign of life under its Temporal identity, by
 * PostgreSQL's clock (so the clocks of the worker's and the API's hosts never matter).
 */
export class WorkerHeartbeatsRepository {
  constructor(private readonly db: Database) {}

  /** Records that worker `identity` is alive now (and forgets the workers silent for a day). */
  async beat(identity: string): Promise<void> {
    await this.db.query(
      `WITH forgotten AS (DELETE FROM worker_heartbeats WHERE seen_at < now() - ${FORGET_AFTER})
       INSERT INTO worker_heartbeats (identity, seen_at) VALUES ($1, now())
       ON CONFLICT (identity) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
      [identity],
    );
  }

  /** Forgets worker `identity` (it is stopping: it takes no more tasks). */
  async forget(identity: string): Promise<void> {
    await this.db.query('DELETE FROM worker_heartbeats WHERE identity = $1', [identity]);
  }

  /** Those of `identities` whose last heartbeat is less than `withinMs` old. */
  async aliveAmong(identities: string[], withinMs: number): Promise<string[]> {
    const rows: Array<{ identity: string }> = await this.db.query(
      `SELECT identity FROM worker_heartbeats
       WHERE identity = ANY($1) AND seen_at > now() - $2 * interval '1 millisecond'`,
      [identities, withinMs],
    );
    return rows.map((row) => row.identity);
  }
}

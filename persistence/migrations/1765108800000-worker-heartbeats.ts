import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each running worker's last sign of life (`seen_at`, PostgreSQL's clock), written every few seconds under its
 * Temporal identity: the API counts a worker Temporal saw polling as live only while its heartbeat is fresh, so a
 * worker that died stops counting within seconds — Temporal keeps a dead poller's record for minutes.
 */
export class WorkerHeartbeats1765108800000 implements MigrationInterface {
  name = 'WorkerHeartbeats1765108800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE TABLE worker_heartbeats (identity text PRIMARY KEY, seen_at timestamptz NOT NULL)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE worker_heartbeats');
  }
}

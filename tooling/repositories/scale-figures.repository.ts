import type { NoticeKind } from '../../workflows/definitions/records';
import type { Database } from '../../persistence/repositories/database';

/** The lag of the schedule's events (policy days), over every system event recorded since `since`. */
export interface LagFigures {
  events: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

/** One wave of system events that fall due at the same instant for many cases (a deadline storm). */
export interface StormWave {
  action: string;
  dueWallAt: Date;
  cases: number;
  /** From the instant they were due until the last case had recorded its event. */
  drainMs: number;
}

/**
 * Figures of a scale run read off the read model (`bench/scale`, issue 13): the schedule's lag, the deadline
 * storms (events due at one instant for many cases) and how long each took to drain, notices and their duplicates,
 * and the database's size. Read-only; every figure is over the cases whose id starts with `prefix`.
 */
export class ScaleFiguresRepository {
  constructor(private readonly db: Database) {}

  async lag(prefix: string): Promise<LagFigures> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS events,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_policy_days) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_policy_days) AS p99,
              max(lag_policy_days) AS max
       FROM case_audit WHERE lag_policy_days IS NOT NULL AND case_id LIKE $1 || '%'`,
      [prefix],
    );
    return row as LagFigures;
  }

  /** Waves of at least `minCases` cases, by the instant they fell due, in order. */
  async storms(prefix: string, minCases: number): Promise<StormWave[]> {
    const rows: Array<{ action: string; due_wall_at: Date; cases: number; drain_ms: number }> = await this.db.query(
      `SELECT split_part(action, ':', 2) AS action, due_wall_at, count(DISTINCT case_id)::int AS cases,
              (extract(epoch FROM max(recorded_at) - due_wall_at) * 1000)::float AS drain_ms
       FROM case_audit WHERE due_wall_at IS NOT NULL AND case_id LIKE $1 || '%'
       GROUP BY 1, due_wall_at HAVING count(DISTINCT case_id) >= $2 ORDER BY due_wall_at`,
      [prefix, minCases],
    );
    return rows.map((r) => ({ action: r.action, dueWallAt: r.due_wall_at, cases: r.cases, drainMs: r.drain_ms }));
  }

  /**
   * How long each reporting-year boundary took to reach every case: from the first case's `reporting_year_started`
   * to the last one's (the boundary is the same instant for all, so the spread is the drain).
   */
  async boundaries(prefix: string): Promise<Array<{ year: number; cases: number; spreadMs: number }>> {
    const rows: Array<{ year: number; cases: number; spread_ms: number }> = await this.db.query(
      `SELECT (details->>'year')::int AS year, count(*)::int AS cases,
              (extract(epoch FROM max(recorded_at) - min(recorded_at)) * 1000)::float AS spread_ms
       FROM case_audit WHERE action = 'reporting_year_started' AND case_id LIKE $1 || '%'
       GROUP BY 1 ORDER BY 1`,
      [prefix],
    );
    return rows.map((r) => ({ year: r.year, cases: r.cases, spreadMs: r.spread_ms }));
  }

  /** Notices sent, and how many were sent more than once (same case, kind, recipient and due instant). */
  async notices(prefix: string): Promise<{ notices: number; duplicates: number }> {
    const [row] = await this.db.query(
      `SELECT coalesce(sum(n), 0)::int AS notices, coalesce(sum(n - 1), 0)::int AS duplicates FROM (
         SELECT count(*) AS n FROM notifications WHERE case_id LIKE $1 || '%'
         GROUP BY case_id, kind, recipient_role, recipient_district, recipient_id, due_at, issued_at) AS grouped`,
      [prefix],
    );
    return row as { notices: number; duplicates: number };
  }

  /** Per case and deadline, how many distinct instants a notice of `kind` was issued at (one per reminder sent). */
  async noticeInstants(
    prefix: string,
    kind: NoticeKind,
  ): Promise<Array<{ caseId: string; dueAt: Date; instants: number }>> {
    const rows: Array<{ case_id: string; due_at: Date; instants: number }> = await this.db.query(
      `SELECT case_id, due_at, count(DISTINCT issued_at)::int AS instants FROM notifications
       WHERE case_id LIKE $1 || '%' AND kind = $2 GROUP BY case_id, due_at ORDER BY case_id, due_at`,
      [prefix, kind],
    );
    return rows.map((r) => ({ caseId: r.case_id, dueAt: r.due_at, instants: r.instants }));
  }

  /** The size of a database on the same server, in bytes. */
  async databaseSize(name: string): Promise<number> {
    const [row] = await this.db.query('SELECT pg_database_size($1)::float AS bytes', [name]);
    return (row as { bytes: number }).bytes;
  }
}

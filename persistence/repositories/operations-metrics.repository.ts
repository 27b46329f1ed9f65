import type { Database } from './database';

/** How many cases of one district stand in one stage. */
export interface CaseCount {
  stage: string;
  district: string;
  cases: number;
}

/** How many deadlines of one kind have passed on the clock while their case still waits on them. */
export interface OverdueDeadlineCount {
  kind: string;
  deadlines: number;
}

/** The state of the system ops staff watch, as PostgreSQL holds it at one moment (the worker's business gauges). */
export interface OperationsSnapshot {
  /** Cases per stage and district; only the pairs that hold a case. */
  cases: CaseCount[];
  /** Outbox rows (`notice_deliveries`): still to be sent, failed for good, and when the oldest pending was queued. */
  noticeDeliveries: { pending: number; failed: number; oldestPendingAt: Date | null };
  /** Payments instructed but not confirmed paid by finance: how many, their sum (CNY) and the oldest instruction. */
  paymentsInFlight: { count: number; amountCny: number; oldestInstructedAt: Date | null };
  /**
   * The read model's deadlines (`case_deadlines`) passed on the clock, per kind; only the kinds that have one. Each
   * case's own policy, calendar and POLICY_TIME_SCALE set its `due_wall_at`, so "overdue" here is what officers see.
   */
  overdueDeadlines: OverdueDeadlineCount[];
}

/**
 * Aggregates for the worker's `/metrics` (read at each scrape): a few grouped counts over the read model, the notice
 * outbox, the payments ledger and the passed deadlines. Each is one pass over a table (the deadlines: over their
 * `due_wall_at` index) small enough for a scrape every 15 s.
 */
export class OperationsMetricsRepository {
  constructor(private readonly db: Database) {}

  /** Reads the {@link OperationsSnapshot}. */
  async snapshot(): Promise<OperationsSnapshot> {
    const [cases, [row], overdueDeadlines] = await Promise.all([
      this.db.query(
        `SELECT stage, district, count(*)::int AS cases FROM park_cases GROUP BY stage, district
         ORDER BY stage, district`,
      ) as Promise<CaseCount[]>,
      this.db.query(
        `SELECT d.pending, d.failed, d.oldest_pending_at, p.in_flight, p.amount, p.oldest_instructed_at
         FROM (SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                      count(*) FILTER (WHERE status = 'failed')::int AS failed,
                      min(created_at) FILTER (WHERE status = 'pending') AS oldest_pending_at
               FROM notice_deliveries) d,
              (SELECT count(*)::int AS in_flight, coalesce(sum(amount), 0)::float8 AS amount,
                      min(instructed_at) AS oldest_instructed_at
               FROM payments WHERE status <> 'paid') p`,
      ) as Promise<
        Array<{
          pending: number;
          failed: number;
          oldest_pending_at: Date | null;
          in_flight: number;
          amount: number;
          oldest_instructed_at: Date | null;
        }>
      >,
      this.db.query(
        `SELECT kind, count(*)::int AS deadlines FROM case_deadlines WHERE due_wall_at <= now()
         GROUP BY kind ORDER BY kind`,
      ) as Promise<OverdueDeadlineCount[]>,
    ]);
    return {
      cases,
      noticeDeliveries: { pending: row.pending, failed: row.failed, oldestPendingAt: row.oldest_pending_at },
      paymentsInFlight: {
        count: row.in_flight,
        amountCny: row.amount,
        oldestInstructedAt: row.oldest_instructed_at,
      },
      overdueDeadlines,
    };
  }
}

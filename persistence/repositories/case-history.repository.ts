import type { AuditEntry } from '../../workflows/definitions/records';
import type { Database } from './database';

/** One entry of a case's audit trail as it is read back. */
export interface CaseHistoryEntry {
  at: Date;
  actor: AuditEntry['actor'];
  action: string;
  details: Record<string, unknown>;
}

/** How late a system event of the schedule was recorded (issue 13); absent for officer actions. */
export interface ScheduleLag {
  /** When the event was due on the clock. */
  dueWallAt: string;
  lagPolicyDays: number;
}

/** An entry recorded after a given instant, with its case's park (`npm run restore`: what a restore undoes). */
export interface RecordedEntry {
  caseId: string;
  parkName: string | null;
  district: string | null;
  actor: AuditEntry['actor'];
  action: string;
  recordedAt: Date;
}

/** The schedule's lag over recent minutes, as the readiness check reports it. */
export interface RecentScheduleLag {
  events: number;
  p99PolicyDays: number | null;
  maxPolicyDays: number | null;
}

/** A case's audit trail (`case_audit`): every accepted officer action and system event, once by event id. */
export class CaseHistoryRepository {
  constructor(private readonly db: Database) {}

  /** Appends `entry` (with its schedule lag, for a system event); an entry already recorded is left as it is. */
  async append(entry: AuditEntry, lag?: ScheduleLag): Promise<void> {
    await this.db.query(
      `INSERT INTO case_audit (event_id, case_id, at, actor, action, details, due_wall_at, lag_policy_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        entry.eventId,
        entry.caseId,
        entry.at,
        JSON.stringify(entry.actor),
        entry.action,
        JSON.stringify(entry.details),
        lag?.dueWallAt ?? null,
        lag?.lagPolicyDays ?? null,
      ],
    );
  }

  /** The lag of the schedule's events recorded in the last `seconds` (p99 and max in policy days). */
  async recentScheduleLag(seconds: number): Promise<RecentScheduleLag> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS events,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_policy_days) AS "p99PolicyDays",
              max(lag_policy_days) AS "maxPolicyDays"
       FROM case_audit WHERE lag_policy_days IS NOT NULL AND recorded_at > now() - make_interval(secs => $1)`,
      [seconds],
    );
    return row as RecentScheduleLag;
  }

  /** Every entry recorded after `instant`, in the order recorded. */
  async recordedAfter(instant: string): Promise<RecordedEntry[]> {
    return this.db.query(
      `SELECT a.case_id AS "caseId", c.park_name AS "parkName", c.district, a.actor, a.action,
              a.recorded_at AS "recordedAt"
       FROM case_audit a LEFT JOIN park_cases c ON c.case_id = a.case_id
       WHERE a.recorded_at > $1 ORDER BY a.recorded_at, a.case_id`,
      [instant],
    );
  }

  /** The case's entries in the order they happened (entries of the same instant in the order recorded). */
  async entriesOf(caseId: string): Promise<CaseHistoryEntry[]> {
    return this.db.query(
      'SELECT at, actor, action, details FROM case_audit WHERE case_id = $1 ORDER BY at, recorded_at',
      [caseId],
    );
  }
}

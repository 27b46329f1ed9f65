import type { AuditEntry } from '../../workflows/definitions/records';
import type { Database } from './database';

/** One entry of a case's audit trail as it is read back. */
export interface CaseHistoryEntry {
  at: Date;
  actor: AuditEntry['actor'];
  action: string;
  details: Record<string, unknown>;
}

/** A case's audit trail (`case_audit`): every accepted officer action and system event, once by event id. */
export class CaseHistoryRepository {
  constructor(private readonly db: Database) {}

  /** Appends `entry`; an entry already recorded (same event id) is left as it is. */
  async append(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO case_audit (event_id, case_id, at, actor, action, details) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_id) DO NOTHING`,
      [entry.eventId, entry.caseId, entry.at, JSON.stringify(entry.actor), entry.action, JSON.stringify(entry.details)],
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

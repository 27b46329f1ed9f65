import type { CaseSnapshot, Deadline } from '../../workflows/definitions/case';
import { ParkCaseRecord } from '../entities/park-case.entity';
import { caseScopeCondition, type CaseScope } from './case-scope';
import type { Database } from './database';
import { SqlParams } from './sql-params';

/** One case as a list shows it. */
export interface CaseListEntry {
  caseId: string;
  stage: string;
  district: string;
  parkName: string;
  /** The deadlines the case waits on, earliest first (as its snapshot lists them). */
  deadlines: Deadline[];
  /** A deadline of the case has passed on the clock. */
  overdue: boolean;
  openedAt: Date;
  updatedAt: Date;
}

/** Which cases `list` answers, newest opened first. */
export interface CaseListFilter {
  scope: CaseScope;
  stage?: string;
  district?: string;
  /** true: only cases with a passed deadline; false: only cases without one. */
  overdue?: boolean;
  /** Keyset position: only cases after this one in the list's order. */
  after?: { openedAt: string; caseId: string };
  /** How many cases at most. */
  limit: number;
}

/** "Overdue": a deadline of the case has passed on the clock (its wall time, which POLICY_TIME_SCALE compresses). */
const OVERDUE = 'EXISTS (SELECT 1 FROM case_deadlines od WHERE od.case_id = c.case_id AND od.due_wall_at <= now())';

/**
 * The case read model (`park_cases`): the newest snapshot each case workflow published, with the columns the
 * lists and statistics filter on (district, stage, designation and revocation instants) derived from it.
 */
export class ParkCasesRepository {
  constructor(private readonly db: Database) {}

  /** The newest snapshot recorded for the case; undefined before its first change is recorded. */
  async findSnapshot(caseId: string): Promise<CaseSnapshot | undefined> {
    return (await this.db.getRepository(ParkCaseRecord).findOneBy({ caseId }))?.snapshot;
  }

  /**
   * Records `snapshot` unless the stored one is as new (a redelivered change) or newer (changes recorded out of
   * order): an older snapshot never overwrites a newer one. Answers whether it was written.
   */
  async saveIfNewer(snapshot: CaseSnapshot): Promise<boolean> {
    const revokedAt = snapshot.evaluations.find((evaluation) => evaluation.outcome === 'revoke')?.decidedAt ?? null;
    const written: unknown[] = await this.db.query(
      `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, opened_at, updated_at, ` +
        `designated_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (case_id) DO UPDATE SET
         park_name = EXCLUDED.park_name, stage = EXCLUDED.stage, ` +
        `version = EXCLUDED.version, snapshot = EXCLUDED.snapshot,
         updated_at = EXCLUDED.updated_at, designated_at = EXCLUDED.designated_at, revoked_at = EXCLUDED.revoked_at
       WHERE park_cases.version < EXCLUDED.version
       RETURNING case_id`,
      [
        snapshot.caseId,
        snapshot.district,
        snapshot.parkName,
        snapshot.stage,
        snapshot.version,
        JSON.stringify(snapshot),
        snapshot.openedAt,
        snapshot.updatedAt,
        snapshot.designation?.designatedAt ?? null,
        revokedAt,
      ],
    );
    return written.length > 0;
  }

  /** Filed cases (never drafts) of the filter, newest opened first, keyset-paged by (opened at, case id). */
  async list(filter: CaseListFilter): Promise<CaseListEntry[]> {
    const params = new SqlParams();
    const where = [`c.stage <> 'draft'`, caseScopeCondition(filter.scope, params)];
    if (filter.stage) where.push(`c.stage = ${params.add(filter.stage)}`);
    if (filter.district) where.push(`c.district = ${params.add(filter.district)}`);
    if (filter.overdue !== undefined) where.push(filter.overdue ? OVERDUE : `NOT ${OVERDUE}`);
    if (filter.after) {
      const { openedAt, caseId } = filter.after;
      where.push(`(c.opened_at, c.case_id) < (${params.add(openedAt)}::timestamptz, ${params.add(caseId)})`);
    }
    const rows: Array<{
      case_id: string;
      stage: string;
      district: string;
      park_name: string;
      deadlines: Deadline[];
      overdue: boolean;
      opened_at: Date;
      updated_at: Date;
    }> = await this.db.query(
      `SELECT c.case_id, c.stage, c.district, c.park_name, c.snapshot->'deadlines' AS deadlines, ${OVERDUE} AS overdue,
              c.opened_at, c.updated_at
       FROM park_cases c WHERE ${where.join(' AND ')}
       ORDER BY c.opened_at DESC, c.case_id DESC LIMIT ${params.add(filter.limit)}`,
      params.values,
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      stage: row.stage,
      district: row.district,
      parkName: row.park_name,
      deadlines: row.deadlines,
      overdue: row.overdue,
      openedAt: row.opened_at,
      updatedAt: row.updated_at,
    }));
  }
}

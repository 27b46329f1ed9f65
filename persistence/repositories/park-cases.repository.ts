import type { ParkKindCode } from '../../workflows/definitions/application';
import { FINAL_STAGES, type CaseSnapshot, type Deadline } from '../../workflows/definitions/case';
import type { CaseDocument } from '../../workflows/definitions/documents';
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
  /** R-APP-9: `parkKind.kind` of the application the case holds; null when it states none. */
  parkKind: ParkKindCode | null;
  /** The deadlines the case waits on, earliest first (as its snapshot lists them). */
  deadlines: Deadline[];
  /** R-DOC-1: the papers on the case (fingerprints); absent before the first. */
  documents?: CaseDocument[];
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

/** A case's row of the read model: its newest snapshot and the columns lists and statistics filter on. */
export interface ParkCaseColumns {
  caseId: string;
  district: string;
  parkName: string;
  stage: string;
  version: number;
  snapshot: CaseSnapshot;
  openedAt: string;
  updatedAt: string;
  designatedAt: string | null;
  revokedAt: string | null;
}

/** The row the read model keeps for `snapshot` (its columns derived from the snapshot). */
export function parkCaseColumns(snapshot: CaseSnapshot): ParkCaseColumns {
  return {
    caseId: snapshot.caseId,
    district: snapshot.district,
    parkName: snapshot.parkName,
    stage: snapshot.stage,
    version: snapshot.version,
    snapshot,
    openedAt: snapshot.openedAt,
    updatedAt: snapshot.updatedAt,
    designatedAt: snapshot.designation?.designatedAt ?? null,
    revokedAt: snapshot.evaluations.find((evaluation) => evaluation.outcome === 'revoke')?.decidedAt ?? null,
  };
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
   * Records `snapshot` unless the stored one is newer (changes recorded out of order): an older snapshot never
   * overwrites a newer one. The same version is written again — the same change, so the same row: a redelivered
   * record, or the workflow's record of a change the API already wrote from an action's answer (read-your-writes),
   * whose deadlines are written then. Answers whether it was written.
   */
  async saveUnlessOlder(snapshot: CaseSnapshot): Promise<boolean> {
    return this.upsert(snapshot, 'park_cases.version <= EXCLUDED.version', []);
  }

  /**
   * Records `snapshot` whatever the stored version (`npm run reconcile`: the workflow is the truth, even when it is
   * older than the read model after a restore), unless the row changed since it was read at `observedVersion`
   * (null: there was none) — a worker's write meanwhile is newer than what reconcile saw. Answers whether it was
   * written.
   */
  async replace(snapshot: CaseSnapshot, observedVersion: number | null): Promise<boolean> {
    return this.upsert(snapshot, 'park_cases.version IS NOT DISTINCT FROM $11::int', [observedVersion]);
  }

  /** The case's row as stored (timestamps as ISO strings); undefined when there is none. */
  async row(caseId: string): Promise<ParkCaseColumns | undefined> {
    const [row]: Array<ParkCaseColumns & Record<'openedAt' | 'updatedAt', Date>> = await this.db.query(
      `SELECT case_id AS "caseId", district, park_name AS "parkName", stage, version, snapshot,
              opened_at AS "openedAt", updated_at AS "updatedAt", designated_at AS "designatedAt",
              revoked_at AS "revokedAt"
       FROM park_cases WHERE case_id = $1`,
      [caseId],
    );
    if (!row) return undefined;
    const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);
    return {
      ...row,
      openedAt: iso(row.openedAt) as string,
      updatedAt: iso(row.updatedAt) as string,
      designatedAt: iso(row.designatedAt),
      revokedAt: iso(row.revokedAt),
    };
  }

  /** Cases whose recorded stage is not final (a workflow should be running for each), oldest first. */
  async unfinished(): Promise<Array<{ caseId: string; stage: string; updatedAt: Date }>> {
    return this.db.query(
      `SELECT case_id AS "caseId", stage, updated_at AS "updatedAt" FROM park_cases
       WHERE stage <> ALL($1::text[]) ORDER BY opened_at, case_id`,
      [[...FINAL_STAGES, 'draft']],
    );
  }

  /** Inserts the row, or updates every column where `condition` (on `park_cases`, `EXCLUDED`) holds; written? */
  private async upsert(snapshot: CaseSnapshot, condition: string, extra: unknown[]): Promise<boolean> {
    const c = parkCaseColumns(snapshot);
    const written: unknown[] = await this.db.query(
      `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, opened_at, updated_at, ` +
        `designated_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (case_id) DO UPDATE SET
         district = EXCLUDED.district, park_name = EXCLUDED.park_name, stage = EXCLUDED.stage, ` +
        `version = EXCLUDED.version, snapshot = EXCLUDED.snapshot, opened_at = EXCLUDED.opened_at,
         updated_at = EXCLUDED.updated_at, designated_at = EXCLUDED.designated_at, revoked_at = EXCLUDED.revoked_at
       WHERE ${condition}
       RETURNING case_id`,
      [
        c.caseId,
        c.district,
        c.parkName,
        c.stage,
        c.version,
        JSON.stringify(c.snapshot),
        c.openedAt,
        c.updatedAt,
        c.designatedAt,
        c.revokedAt,
        ...extra,
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
      park_kind: ParkKindCode | null;
      deadlines: Deadline[];
      documents: CaseDocument[] | null;
      overdue: boolean;
      opened_at: Date;
      updated_at: Date;
    }> = await this.db.query(
      `SELECT c.case_id, c.stage, c.district, c.park_name, c.snapshot->'application'->'parkKind'->>'kind' AS park_kind,
              c.snapshot->'deadlines' AS deadlines, c.snapshot->'documents' AS documents, ${OVERDUE} AS overdue,
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
      parkKind: row.park_kind,
      deadlines: row.deadlines,
      documents: row.documents ?? undefined,
      overdue: row.overdue,
      openedAt: row.opened_at,
      updatedAt: row.updated_at,
    }));
  }
}

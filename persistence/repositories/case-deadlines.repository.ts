import type { Deadline, DeadlineKind } from '../../workflows/definitions/case';
import { caseScopeCondition, type CaseScope } from './case-scope';
import type { Database } from './database';
import { SqlParams } from './sql-params';

/** How R-CAL-3 set a deadline's day, as the case view says it: moved from which day and why, or provisional. */
export type DeadlineDayMarks = Pick<Deadline, 'shiftedFrom' | 'reason' | 'provisional'>;

/** One deadline a case waits on, as the read model keeps it. */
export interface CaseDeadline extends DeadlineDayMarks {
  kind: DeadlineKind;
  /** The policy instant it falls due (what officers see). */
  dueAt: string;
  /** When `dueAt` passes on the clock: differs from it when POLICY_TIME_SCALE compresses time; decides "overdue". */
  dueWallAt: string;
}

interface DayMarkColumns {
  shifted_from: string | null;
  shift_reason: string | null;
  provisional: boolean;
}

/** The marks as stored: absent ones are left out, as in the case view. */
const dayMarksOf = (row: DayMarkColumns): DeadlineDayMarks => ({
  ...(row.shifted_from && { shiftedFrom: row.shifted_from }),
  ...(row.shift_reason && { reason: row.shift_reason }),
  ...(row.provisional && { provisional: true as const }),
});

/** `date` columns read as the Chongqing day they hold (`YYYY-MM-DD`), never as a JavaScript Date. */
const SHIFTED_FROM = `to_char(d.shifted_from, 'YYYY-MM-DD') AS shifted_from`;

/** One deadline of one case in a list across cases. */
export interface DeadlineListEntry extends DeadlineDayMarks {
  caseId: string;
  parkName: string;
  district: string;
  stage: string;
  kind: DeadlineKind;
  dueAt: Date;
  /** It has passed on the clock. */
  overdue: boolean;
}

/** Which deadlines `list` answers, earliest first. */
export interface DeadlineListFilter {
  scope: CaseScope;
  district?: string;
  /** Only deadlines due after this instant, or at it when `inclusive`. */
  dueFrom?: { at: string; inclusive: boolean };
  /** Only deadlines due at or before this instant. */
  dueUntil?: string;
  kind?: DeadlineKind;
  /** true: only passed deadlines; false: only those still ahead. */
  overdue?: boolean;
  /** Keyset position: only deadlines after this one in the list's order. */
  after?: { dueAt: string; caseId: string; kind: string };
  /** How many deadlines at most. */
  limit: number;
}

/** The deadlines of the case read model (`case_deadlines`), always those of the case's newest recorded snapshot. */
export class CaseDeadlinesRepository {
  constructor(private readonly db: Database) {}

  /** Replaces the case's deadlines with `deadlines` (run it in the transaction that records their snapshot). */
  async replaceForCase(caseId: string, deadlines: readonly CaseDeadline[]): Promise<void> {
    await this.db.query('DELETE FROM case_deadlines WHERE case_id = $1', [caseId]);
    for (const deadline of deadlines) {
      await this.db.query(
        `INSERT INTO case_deadlines (case_id, kind, due_at, due_wall_at, shifted_from, shift_reason, provisional)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          caseId,
          deadline.kind,
          deadline.dueAt,
          deadline.dueWallAt,
          deadline.shiftedFrom ?? null,
          deadline.reason ?? null,
          deadline.provisional === true,
        ],
      );
    }
  }

  /** The case's deadlines as stored, by kind and due time. */
  async forCase(caseId: string): Promise<CaseDeadline[]> {
    const rows: Array<DayMarkColumns & { kind: DeadlineKind; due_at: Date; due_wall_at: Date }> = await this.db.query(
      `SELECT d.kind, d.due_at, d.due_wall_at, ${SHIFTED_FROM}, d.shift_reason, d.provisional
       FROM case_deadlines d WHERE d.case_id = $1 ORDER BY d.kind, d.due_at`,
      [caseId],
    );
    return rows.map((row) => ({
      kind: row.kind,
      dueAt: row.due_at.toISOString(),
      dueWallAt: row.due_wall_at.toISOString(),
      ...dayMarksOf(row),
    }));
  }

  /** Deadlines of the filter with their case, earliest first, keyset-paged by (due at, case id, kind). */
  async list(filter: DeadlineListFilter): Promise<DeadlineListEntry[]> {
    const params = new SqlParams();
    const where = [caseScopeCondition(filter.scope, params)];
    if (filter.district) where.push(`c.district = ${params.add(filter.district)}`);
    if (filter.dueFrom) {
      where.push(`d.due_at ${filter.dueFrom.inclusive ? '>=' : '>'} ${params.add(filter.dueFrom.at)}::timestamptz`);
    }
    if (filter.dueUntil) where.push(`d.due_at <= ${params.add(filter.dueUntil)}::timestamptz`);
    if (filter.kind) where.push(`d.kind = ${params.add(filter.kind)}`);
    if (filter.overdue !== undefined) where.push(filter.overdue ? 'd.due_wall_at <= now()' : 'd.due_wall_at > now()');
    if (filter.after) {
      const { dueAt, caseId, kind } = filter.after;
      where.push(
        `(d.due_at, d.case_id, d.kind) > ` +
          `(${params.add(dueAt)}::timestamptz, ${params.add(caseId)}, ${params.add(kind)})`,
      );
    }
    const rows: Array<
      DayMarkColumns & {
        case_id: string;
        park_name: string;
        district: string;
        stage: string;
        kind: DeadlineKind;
        due_at: Date;
        overdue: boolean;
      }
    > = await this.db.query(
      `SELECT d.case_id, c.park_name, c.district, c.stage, d.kind, d.due_at, d.due_wall_at <= now() AS overdue,
         ${SHIFTED_FROM}, d.shift_reason, d.provisional
       FROM case_deadlines d JOIN park_cases c ON c.case_id = d.case_id
       WHERE ${where.join(' AND ')}
       ORDER BY d.due_at, d.case_id, d.kind LIMIT ${params.add(filter.limit)}`,
      params.values,
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      parkName: row.park_name,
      district: row.district,
      stage: row.stage,
      kind: row.kind,
      dueAt: row.due_at,
      overdue: row.overdue,
      ...dayMarksOf(row),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, Deadline } from '../../workflows/definitions/case';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../common/paging';
import type { CaseListQuery, CaseSummary } from './case-list.dto';
import { SqlParams } from '../common/sql-params';
import { scopeCondition } from './case-scope';
import { deadlineView } from './case-view';

interface CaseRow {
  case_id: string;
  stage: string;
  district: string;
  park_name: string;
  deadlines: Deadline[];
  overdue: boolean;
  opened_at: Date;
  updated_at: Date;
}

/** "Overdue": a deadline of the case has passed on the clock (its wall time, which POLICY_TIME_SCALE compresses). */
const OVERDUE_SQL = 'EXISTS (SELECT 1 FROM case_deadlines od WHERE od.case_id = c.case_id AND od.due_wall_at <= now())';

/** `GET /v1/cases`: the read model, newest first, scoped to the caller, keyset-paged. */
@Injectable()
export class CaseListService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: CaseListQuery): Promise<Page<CaseSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['instant', 'text']);
    const params = new SqlParams();
    const where = [`c.stage <> 'draft'`, scopeCondition(actor, params, query.district)];
    if (query.stage) where.push(`c.stage = ${params.add(query.stage)}`);
    if (query.district) where.push(`c.district = ${params.add(query.district)}`);
    if (query.overdue !== undefined) where.push(query.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    if (after) where.push(`(c.opened_at, c.case_id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])})`);
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT c.case_id, c.stage, c.district, c.park_name, c.snapshot->'deadlines' AS deadlines, ${OVERDUE_SQL} AS overdue, c.opened_at, c.updated_at
       FROM park_cases c WHERE ${where.join(' AND ')}
       ORDER BY c.opened_at DESC, c.case_id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return toPage(rows, limit, (row) => [row.opened_at.toISOString(), row.case_id], (row) => ({
      caseId: row.case_id,
      stage: row.stage,
      district: row.district,
      parkName: row.park_name,
      nextDeadline: row.deadlines[0] ? deadlineView(row.deadlines[0]) : null,
      overdue: row.overdue,
      openedAt: row.opened_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
  }
}

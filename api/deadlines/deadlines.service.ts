import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dueDateOf, endOfDay, isCivilDate, startOfDay } from '../../workflows/definitions/civil-date';
import type { Actor, DeadlineKind } from '../../workflows/definitions/case';
import { ApiError } from '../common/api-error';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../common/paging';
import { SqlParams } from '../common/sql-params';
import { scopeCondition } from '../cases/case-scope';
import type { DeadlineItem, DeadlineListQuery } from './deadline-list.dto';

interface DeadlineRow {
  case_id: string;
  park_name: string;
  district: string;
  stage: string;
  kind: DeadlineKind;
  due_at: Date;
  overdue: boolean;
}

/** A bound on `due_at`: the instant and the comparison that keeps a deadline. */
interface Bound {
  at: string;
  op: '>' | '>=' | '<=';
}

/**
 * R-CAL-1: `from=D` keeps deadlines due on day D or later — their instant is after D 00:00 Chongqing (the end of
 * D − 1 is a deadline of D − 1). An instant keeps its own meaning, inclusive.
 */
const lowerBound = (from: string): Bound =>
  isCivilDate(from) ? { at: startOfDay(from), op: '>' } : { at: new Date(from).toISOString(), op: '>=' };

/** R-CAL-1: `to=D` keeps deadlines due on day D or earlier — at or before D 24:00 Chongqing (D 16:00 UTC). */
const upperBound = (to: string): Bound => ({
  at: isCivilDate(to) ? endOfDay(to) : new Date(to).toISOString(),
  op: '<=',
});

/** True when no deadline can satisfy both bounds. */
const isEmptyRange = (lower: Bound, upper: Bound): boolean =>
  Date.parse(lower.at) > Date.parse(upper.at) || (lower.at === upper.at && lower.op === '>');

/** `GET /v1/deadlines`: upcoming and overdue deadlines across the cases the caller may see, earliest first. */
@Injectable()
export class DeadlinesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: DeadlineListQuery): Promise<Page<DeadlineItem>> {
    const lower = query.from ? lowerBound(query.from) : undefined;
    const upper = query.to ? upperBound(query.to) : undefined;
    if (lower && upper && isEmptyRange(lower, upper)) {
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'validation_failed', 'from is after to', [
        { field: 'to', message: 'must not be before from' },
      ]);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['instant', 'text', 'text']);
    const params = new SqlParams();
    const where = [scopeCondition(actor, params, query.district)];
    if (query.district) where.push(`c.district = ${params.add(query.district)}`);
    for (const bound of [lower, upper]) {
      if (bound) where.push(`d.due_at ${bound.op} ${params.add(bound.at)}::timestamptz`);
    }
    if (query.kind) where.push(`d.kind = ${params.add(query.kind)}`);
    if (query.overdue !== undefined) where.push(query.overdue ? 'd.due_wall_at <= now()' : 'd.due_wall_at > now()');
    if (after) where.push(`(d.due_at, d.case_id, d.kind) > (${params.add(after[0])}::timestamptz, ${params.add(after[1])}, ${params.add(after[2])})`);
    const rows: DeadlineRow[] = await this.dataSource.query(
      `SELECT d.case_id, c.park_name, c.district, c.stage, d.kind, d.due_at, d.due_wall_at <= now() AS overdue
       FROM case_deadlines d JOIN park_cases c ON c.case_id = d.case_id
       WHERE ${where.join(' AND ')}
       ORDER BY d.due_at, d.case_id, d.kind LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return toPage(rows, limit, (row) => [row.due_at.toISOString(), row.case_id, row.kind], (row) => ({
      caseId: row.case_id,
      parkName: row.park_name,
      district: row.district,
      stage: row.stage,
      kind: row.kind,
      dueDate: dueDateOf(row.due_at.toISOString()),
      dueAt: row.due_at.toISOString(),
      overdue: row.overdue,
    }));
  }
}

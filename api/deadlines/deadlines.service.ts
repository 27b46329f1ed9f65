import { Injectable } from '@nestjs/common';
import { CaseDeadlinesRepository } from '../../persistence/repositories/case-deadlines.repository';
import { dueDateOf, endOfDay, isCivilDate, startOfDay } from '../../workflows/definitions/civil-date';
import type { Actor } from '../../workflows/definitions/case';
import { invalidRequest } from '../common/api-error';
import { text } from '../i18n/localized-text';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../common/paging';
import { caseScopeOf } from '../cases/case-scope';
import { dayMarksView } from '../cases/case-view';
import type { DeadlineItem, DeadlineListQuery } from './deadline-list.dto';

/** A lower bound on `due_at`: the instant, and whether a deadline due at that very instant is kept. */
interface Bound {
  at: string;
  inclusive: boolean;
}

/**
 * R-CAL-1: `from=D` keeps deadlines due on day D or later — their instant is after D 00:00 Chongqing (the end of
 * D − 1 is a deadline of D − 1). An instant keeps its own meaning, inclusive.
 */
const lowerBound = (from: string): Bound =>
  isCivilDate(from)
    ? { at: startOfDay(from), inclusive: false }
    : { at: new Date(from).toISOString(), inclusive: true };

/**
 * R-CAL-1: `to=D` keeps deadlines due on day D or earlier — at or before D 24:00 Chongqing (D 16:00 UTC); an
 * instant too is kept inclusive. Answers that last instant kept.
 */
const upperBound = (to: string): string => (isCivilDate(to) ? endOfDay(to) : new Date(to).toISOString());

/** True when no deadline can satisfy both bounds. */
const isEmptyRange = (lower: Bound, upper: string): boolean =>
  Date.parse(lower.at) > Date.parse(upper) || (lower.at === upper && !lower.inclusive);

/** `GET /v1/deadlines`: upcoming and overdue deadlines across the cases the caller may see, earliest first. */
@Injectable()
export class DeadlinesService {
  constructor(private readonly deadlines: CaseDeadlinesRepository) {}

  async list(actor: Actor, query: DeadlineListQuery): Promise<Page<DeadlineItem>> {
    const lower = query.from ? lowerBound(query.from) : undefined;
    const upper = query.to ? upperBound(query.to) : undefined;
    if (lower && upper && isEmptyRange(lower, upper)) {
      throw invalidRequest([{ field: 'to', message: text('validation.toBeforeFrom', { field: 'to' }) }]);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['instant', 'text', 'text']);
    const entries = await this.deadlines.list({
      scope: caseScopeOf(actor, query.district),
      district: query.district,
      dueFrom: lower,
      dueUntil: upper,
      kind: query.kind,
      overdue: query.overdue,
      after: after && { dueAt: String(after[0]), caseId: String(after[1]), kind: String(after[2]) },
      limit: limit + 1,
    });
    return toPage(
      entries,
      limit,
      (entry) => [entry.dueAt.toISOString(), entry.caseId, entry.kind],
      (entry) => ({
        caseId: entry.caseId,
        parkName: entry.parkName,
        district: entry.district,
        stage: entry.stage,
        kind: entry.kind,
        dueDate: dueDateOf(entry.dueAt.toISOString()),
        dueAt: entry.dueAt.toISOString(),
        ...dayMarksView(entry),
        overdue: entry.overdue,
      }),
    );
  }
}

import { FILING_STAGES } from '../../workflows/definitions/case';
import { missingPurposes } from '../../workflows/definitions/documents';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { Injectable } from '@nestjs/common';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import type { Actor } from '../../workflows/definitions/case';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../common/paging';
import type { CaseListQuery, CaseSummary } from './case-list.dto';
import { caseScopeOf } from './case-scope';
import { deadlineView } from './case-view';

/** `GET /v1/cases`: the read model, newest first, scoped to the caller, keyset-paged. */
@Injectable()
export class CaseListService {
  constructor(private readonly cases: ParkCasesRepository) {}

  async list(actor: Actor, query: CaseListQuery): Promise<Page<CaseSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['instant', 'text']);
    const entries = await this.cases.list({
      scope: caseScopeOf(actor, query.district),
      stage: query.stage,
      district: query.district,
      overdue: query.overdue,
      after: after && { openedAt: String(after[0]), caseId: String(after[1]) },
      limit: limit + 1,
    });
    return toPage(
      entries,
      limit,
      (entry) => [entry.openedAt.toISOString(), entry.caseId],
      (entry) => ({
        caseId: entry.caseId,
        stage: entry.stage,
        district: entry.district,
        parkName: entry.parkName,
        parkKind: entry.parkKind,
        nextDeadline: entry.deadlines[0] ? deadlineView(entry.deadlines[0]) : null,
        overdue: entry.overdue,
        missingPapers: (FILING_STAGES as readonly string[]).includes(entry.stage)
          ? missingPurposes(entry.documents, DEFAULT_POLICY.documentsRequiredAtAcceptance)
          : [],
        openedAt: entry.openedAt.toISOString(),
        updatedAt: entry.updatedAt.toISOString(),
      }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor } from '../../workflows/definitions/case';
import type { ActionOutcome } from '../../workflows/definitions/messages';
import { CasesService } from '../cases/cases.service';
import { toCaseView, type CaseView } from '../cases/case-view';
import { ActionPending, CaseWorkflowsService } from '../temporal/case-workflows.service';

/**
 * Officer actions on an existing case: the caller must be allowed to see the case (else 404, api-contract
 * "Identity"); a case that has ended is 409 at once; otherwise the action goes to the case workflow as an
 * Update whose validator decides 409 / 422.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsService,
  ) {}

  async act<Request extends { actor: Actor }>(
    actor: Actor,
    caseId: string,
    update: UpdateDefinition<ActionOutcome, [Request]>,
    request: Omit<Request, 'actor'>,
  ): Promise<CaseView | ActionPending> {
    const view = await this.cases.get(actor, caseId);
    // An ended case (lapsed, rejected, closed) answers 409 invalid_stage naming its stage, never 5xx (policy.md).
    const result = await this.cases.whileOpen(view, update.name, () => this.workflows.update(caseId, update, { ...request, actor } as Request));
    return result instanceof ActionPending ? result : toCaseView(result);
  }
}

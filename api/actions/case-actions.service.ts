import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor } from '../../workflows/definitions/case';
import type { ActionOutcome } from '../../workflows/definitions/messages';
import { ApiError, type ErrorBody } from '../common/api-error';
import { currentRequest } from '../common/request-context';
import { idempotentUpdateIdFor } from '../idempotency/update-id';
import type { ActionOutcomeView } from './action-outcome.view';
import { CasesService } from '../cases/cases.service';
import { toCaseView, type CaseView } from '../cases/case-view';
import { ActionPending } from '../temporal/action-pending';
import { CaseWorkflowsService, OUTCOME_WAIT_MS } from '../temporal/case-workflows.service';

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
    // Asked now, awaited before the action is sent: the worker-presence round trip overlaps the scope read.
    const workerCheck = this.workflows.startWorkerCheck();
    const known = await this.cases.visibleSnapshot(actor, caseId);
    const earlier = await this.reattach(caseId, actor);
    if (earlier) return earlier;
    // An ended case (lapsed, rejected, closed) answers 409 invalid_stage naming its stage, never 5xx (policy.md).
    const result = await this.cases.whileOpen(known, update.name, () =>
      this.workflows.update(caseId, update, { ...request, actor } as Request, workerCheck),
    );
    return result instanceof ActionPending ? result : toCaseView(result, actor);
  }

  /**
   * A retry that took over the `Idempotency-Key` of a request whose lease ran out (its process died, or its
   * answer could not be stored): that request may have sent the action as the update derived from the key.
   * Its outcome is the answer — applied: the case after it (as first answered); refused: the same 409 / 422;
   * still running: 202 with the update id — so the action is never applied twice, nor refused as out of stage
   * because it was applied (also when it ended the case). Undefined when Temporal knows no such update (nothing
   * was sent: send it now) or it failed otherwise (sending it again gets Temporal's answer for the same id).
   */
  private async reattach(caseId: string, actor: Actor): Promise<CaseView | ActionPending | undefined> {
    const idempotency = currentRequest()?.idempotency;
    if (!idempotency?.takenOver) return undefined;
    const updateId = idempotentUpdateIdFor(idempotency.caller, idempotency.key);
    let outcome;
    try {
      outcome = await this.workflows.outcome<ActionOutcome>(caseId, updateId);
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === 404) return undefined;
      throw error;
    }
    if (outcome.status === 'applied') return toCaseView(outcome.result, actor);
    if (outcome.status === 'running') return new ActionPending(caseId, updateId, OUTCOME_WAIT_MS, 'sent');
    if (outcome.error instanceof ApiError) throw outcome.error;
    return undefined;
  }

  /**
   * `GET /v1/cases/{caseId}/actions/{updateId}`: the outcome of an action on a case the caller may see (else
   * 404, like `GET /v1/cases/{caseId}`). An applied action shows the case as it stands now (the read model,
   * else the live workflow), which may already include later actions.
   */
  async outcome(actor: Actor, caseId: string, updateId: string): Promise<ActionOutcomeView> {
    // Not `get`: a filing answered 202 has no read-model row until a worker takes it, and its outcome is asked for.
    await this.cases.assertVisible(actor, caseId);
    const outcome = await this.workflows.outcome<ActionOutcome>(caseId, updateId);
    if (outcome.status === 'running') return { caseId, updateId, status: 'running' };
    if (outcome.status === 'refused') {
      const { error } = outcome;
      const body = 'getResponse' in error ? (error.getResponse() as ErrorBody) : error;
      return { caseId, updateId, status: 'refused', error: body };
    }
    return { caseId, updateId, status: 'applied', case: await this.cases.get(actor, caseId) };
  }
}

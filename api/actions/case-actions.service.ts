import { Injectable, Logger } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import type { Actor, CaseSnapshot, SubmissionOutcome } from '../../workflows/definitions/case';
import { OUTCOME_WAIT_MS } from '../action-outcomes/action-outcome';
import type { ActionOutcomeView } from '../action-outcomes/action-outcome.view';
import { ActionPending } from '../action-outcomes/action-pending';
import { toCaseView, type CaseView } from '../cases/case-view';
import { CasesService, hasEnded } from '../cases/cases.service';
import { ApiError, type ErrorBody } from '../common/api-error';
import { updateIdFor, type IdempotencyClaim } from '../idempotency/idempotency-claim';
import { caseEndedError, CaseRunEnded } from '../temporal/temporal-errors';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { WorkerPresence } from '../temporal/worker-presence';

/** What an Update answers: the case after an officer action, or a filing's outcome. */
type UpdateResult = CaseSnapshot | SubmissionOutcome;
const isCaseSnapshot = (result: UpdateResult): result is CaseSnapshot => 'version' in result;

/**
 * Officer actions on an existing case: the caller must be allowed to see the case (else 404, api-contract
 * "Identity"); a case that has ended is 409 at once; otherwise the action goes to the case workflow as an Update
 * whose validator decides 409 / 422. The case it returns is recorded in the read model before the answer, so the
 * caller's next read — on any replica — sees the change (the workflow records it too, right after).
 */
@Injectable()
export class CaseActionsService {
  private readonly logger = new Logger('CaseActions');

  constructor(
    private readonly cases: CasesService,
    private readonly temporal: TemporalGateway,
    private readonly workers: WorkerPresence,
    private readonly readModel: ParkCasesRepository,
  ) {}

  /**
   * An officer action on a case (`POST /v1/cases/{caseId}/<action>`): 200 with the case after it — in the read model
   * before this answers — or 202 ({@link ActionPending}) when no outcome came within the wait.
   */
  async act<Request extends { actor: Actor }>(
    actor: Actor,
    caseId: string,
    update: UpdateDefinition<CaseSnapshot, [Request]>,
    request: Omit<Request, 'actor'>,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    // Asked now, awaited before the action is sent: the worker-presence round trip overlaps the scope read.
    const workerCheck = this.workers.check();
    const known = await this.cases.visibleSnapshot(actor, caseId);
    const result = await this.send(known, update, { ...request, actor } as Request, idempotency, workerCheck);
    if (result instanceof ActionPending) return result;
    await this.record(result);
    return toCaseView(result, actor);
  }

  /**
   * Sends `update` to a case the caller may see (`known`, its stored stage): a retry that took over its key answers
   * the earlier request's outcome; an ended case is 409 naming its stage, and nothing is sent; else the update goes
   * out once `workerCheck` (by default started now) passed — its id derived from the `Idempotency-Key`, if any.
   */
  async send<Ret, Arg>(
    known: Pick<CaseSnapshot, 'caseId' | 'stage'>,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: Arg,
    idempotency: IdempotencyClaim | undefined,
    workerCheck: Promise<void> = this.workers.check(),
  ): Promise<Ret | ActionPending> {
    const earlier = await this.reattach<Ret>(known.caseId, idempotency);
    if (earlier) return earlier;
    // policy.md: an action on a lapsed, rejected or closed case is 409 invalid_stage naming the stage, never 5xx.
    if (hasEnded(known.stage)) throw caseEndedError(update.name, known.stage);
    await workerCheck;
    try {
      return await this.temporal.update(known.caseId, update, arg, updateIdFor(idempotency));
    } catch (error) {
      if (!(error instanceof CaseRunEnded)) throw error;
      // The read model still showed the case open (it lagged, or the case ended meanwhile): the same 409.
      throw caseEndedError(update.name, await this.cases.endedStage(known.caseId));
    }
  }

  /**
   * A retry that took over the `Idempotency-Key` of a request whose lease ran out (its process died, or its
   * answer could not be stored): that request may have sent the action as the update derived from the key.
   * Its outcome is the answer — applied: its result (as first answered); refused: the same 409 / 422;
   * still running: 202 with the update id — so the action is never applied twice, nor refused as out of stage
   * because it was applied (also when it ended the case). Undefined when Temporal knows no such update (nothing
   * was sent: send it now) or it failed otherwise (sending it again gets Temporal's answer for the same id).
   */
  private async reattach<Ret>(
    caseId: string,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<Ret | ActionPending | undefined> {
    if (!idempotency?.takenOver) return undefined;
    const updateId = updateIdFor(idempotency);
    let outcome;
    try {
      outcome = await this.temporal.outcome<Ret>(caseId, updateId);
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === 404) return undefined;
      throw error;
    }
    if (outcome.status === 'applied') return outcome.result;
    if (outcome.status === 'running') return new ActionPending(caseId, updateId, OUTCOME_WAIT_MS, 'sent');
    if (outcome.error instanceof ApiError) throw outcome.error;
    return undefined;
  }

  /**
   * `GET /v1/cases/{caseId}/actions/{updateId}`: the outcome of an action on a case the caller may see (else
   * 404, like `GET /v1/cases/{caseId}`). An applied action shows the case as it stands now (the read model —
   * holding at least the action's own change — else the live workflow), which may already include later actions.
   */
  async outcome(actor: Actor, caseId: string, updateId: string): Promise<ActionOutcomeView> {
    // Not `get`: a filing answered 202 has no read-model row until a worker takes it, and its outcome is asked for.
    await this.cases.assertVisible(actor, caseId);
    const outcome = await this.temporal.outcome<UpdateResult>(caseId, updateId);
    if (outcome.status === 'running') return { caseId, updateId, status: 'running' };
    if (outcome.status === 'refused') {
      const { error } = outcome;
      const body = 'getResponse' in error ? (error.getResponse() as ErrorBody) : error;
      return { caseId, updateId, status: 'refused', error: body };
    }
    await (isCaseSnapshot(outcome.result) ? this.record(outcome.result) : this.recordLive(caseId));
    return { caseId, updateId, status: 'applied', case: await this.cases.get(actor, caseId) };
  }

  /**
   * Read-your-writes for an action whose answer is not the case (a filing, a resubmission): the case as its workflow
   * holds it now (its query, briefly bounded) is recorded as {@link record} does; without an answer, nothing is.
   */
  async recordLive(caseId: string): Promise<void> {
    const snapshot = await this.temporal.liveSnapshot(caseId, OUTCOME_WAIT_MS);
    if (snapshot) await this.record(snapshot);
  }

  /**
   * Read-your-writes: the case an action returned goes into the read model's row unless it holds a newer version
   * already; the workflow's own record of the change follows with the rest (deadlines, audit trail, notices). The
   * action is applied whatever happens here, so a failed write is not the answer: it is logged.
   */
  private async record(snapshot: CaseSnapshot): Promise<void> {
    try {
      await this.readModel.saveUnlessOlder(snapshot);
    } catch (error) {
      this.logger.warn(
        `could not record case ${snapshot.caseId} v${snapshot.version} ahead of its workflow ` +
          `(its own record follows): ${(error as Error)?.message ?? error}`,
      );
    }
  }
}

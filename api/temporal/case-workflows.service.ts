import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateStage, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { ParkCaseInput } from '../../workflows/definitions/case';
import { PARK_CASE_WORKFLOW_TYPE, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { DISTRICT_KEY } from '../../workflows/definitions/search-attributes';
import { ApiError, nested, notFound, type ErrorBody } from '../common/api-error';
import { classifyOutage, dependencyUnavailableError, temporalOutage } from '../common/dependency-errors';
import { text } from '../i18n/localized-text';
import { currentRequest } from '../common/request-context';
import { idempotentCaseIdFor, idempotentUpdateIdFor } from '../idempotency/update-id';
import { AppConfig } from '../config/app-config';
import { isWorkerWaitTimeout, isWorkflowEnded, noWorkerError, toApiError } from './temporal-errors';
import { TEMPORAL_CLIENT } from './temporal-client.token';
import { WorkerPresence } from './worker-presence';
import { ActionPending } from './action-pending';

/** How long `GET /v1/cases/{caseId}/actions/{updateId}` waits for an outcome before answering "running". */
export const OUTCOME_WAIT_MS = 1_000;

/** The outcome of an earlier action (`GET /v1/cases/{caseId}/actions/{updateId}`). */
export type ActionOutcomeOf<Ret> =
  { status: 'running' } | { status: 'applied'; result: Ret } | { status: 'refused'; error: ApiError | ErrorBody };

/**
 * With an `Idempotency-Key`, the update id is derived from it: Temporal then applies a retried action once
 * even when the API lost the first response before storing it. Without one, the SDK picks a fresh id.
 */
function idempotentUpdateId(): string | undefined {
  const idempotency = currentRequest()?.idempotency;
  return idempotency && idempotentUpdateIdFor(idempotency.caller, idempotency.key);
}

/**
 * With an `Idempotency-Key`, the caseId of a new filing derived from it ({@link idempotentCaseIdFor}); else undefined.
 */
export function idempotentCaseId(): string | undefined {
  const idempotency = currentRequest()?.idempotency;
  return idempotency && idempotentCaseIdFor(idempotency.caller, idempotency.key);
}

/** The caseId of a new filing: derived from the Idempotency-Key when there is one, else random. */
export const newCaseId = (): string => idempotentCaseId() ?? randomUUID();

/**
 * Officer actions on case workflows, with the API's guarantees: an action is sent only while a worker polls
 * (else 503 and nothing is sent), its wait is bounded (`UPDATE_WAIT_MS`), and workflow business failures
 * become the contract's 409 / 422.
 */
@Injectable()
export class CaseWorkflowsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly config: AppConfig,
    private readonly workers: WorkerPresence,
  ) {}

  /**
   * Starts a new case workflow together with its first officer action (Update-with-Start). The API never
   * terminates a case it started: the answer is the action's result; 503 only when nothing was sent (no worker
   * polls, or Temporal could not be reached); or, when the request was sent but no outcome came within
   * `UPDATE_WAIT_MS`, an {@link ActionPending} naming the caseId and the update id — the server may hold the
   * case and a worker completes it later.
   *
   * A caseId derived from the `Idempotency-Key` ({@link idempotentCaseId}) uses the conflict policy
   * `USE_EXISTING`: a retry re-attaches to the case the first request started, and Temporal dedupes the update
   * by its id (also derived from the key), so the retry returns the same case and the real outcome. A case
   * that has ended meanwhile is not started again (`REJECT_DUPLICATE`): its filing's outcome is read back.
   */
  async startWithUpdate<Ret, Arg>(
    input: ParkCaseInput,
    summary: string,
    details: string,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: Arg,
  ): Promise<Ret | ActionPending> {
    await this.assertWorkerPolling();
    const workflowId = parkCaseWorkflowId(input.caseId);
    const reattach = input.caseId === idempotentCaseId();
    // Chosen before sending, so that an answer given while the outcome is unknown can name it.
    const updateId = idempotentUpdateId() ?? randomUUID();
    const startWorkflowOperation = new WithStartWorkflowOperation(PARK_CASE_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: reattach ? 'USE_EXISTING' : 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [{ key: DISTRICT_KEY, value: input.district }],
      staticSummary: summary,
      staticDetails: details,
    });
    try {
      return await this.bounded(() =>
        this.client.workflow.executeUpdateWithStart(update, { args: [arg], startWorkflowOperation, updateId }),
      );
    } catch (error) {
      // Sent, but no outcome in time: the server may hold the case — 202 with its caseId, never a terminate.
      if (isWorkerWaitTimeout(error))
        return new ActionPending(input.caseId, updateId, this.config.UPDATE_WAIT_MS, 'filing');
      // A connection that failed before the call reached the server (gRPC UNAVAILABLE): nothing was sent.
      const outage = classifyOutage(error, this.config.TEMPORAL_ADDRESS);
      if (outage) throw dependencyUnavailableError(outage);
      if (reattach && (error as { name?: string })?.name === 'WorkflowExecutionAlreadyStartedError')
        return this.endedFiling<Ret>(input.caseId, updateId);
      throw toApiError(error);
    }
  }

  /** The outcome of the filing of a case that has ended since (a retry with its key): read from its history. */
  private async endedFiling<Ret>(caseId: string, updateId: string): Promise<Ret | ActionPending> {
    const outcome = await this.outcome<Ret>(caseId, updateId).catch(() => undefined);
    if (outcome?.status === 'applied') return outcome.result;
    if (outcome?.status === 'running') return new ActionPending(caseId, updateId, OUTCOME_WAIT_MS, 'filing');
    if (outcome?.status === 'refused' && outcome.error instanceof ApiError) throw outcome.error;
    throw new ApiError(HttpStatus.CONFLICT, 'invalid_stage', text('errors.filingEnded', { caseId }));
  }

  /**
   * Starts the worker-presence test of an action now, for {@link update} to await before it sends anything: a caller
   * with other work to do first (the action's scope read) overlaps the two, so the check's round trip adds nothing
   * (issue 13 item 3). The check itself is unchanged — asked afresh for each action, so a 503 (no worker, Temporal
   * unreachable) still means nothing was sent. Its failure surfaces where it is awaited, never unobserved.
   */
  startWorkerCheck(): Promise<void> {
    const check = this.assertWorkerPolling();
    check.catch(() => undefined); // observed here; `update` awaits `check` itself and gets its error
    return check;
  }

  /**
   * Sends an officer action (an Update with one argument) to an existing case. The answer is the action's
   * result; or, when the validator accepted the action but its effects (a treasury hand-over) outlast
   * `UPDATE_WAIT_MS`, an {@link ActionPending}: the action is durable and completes on its own. `workerCheck`: the
   * caller's {@link startWorkerCheck}, else the check is made now.
   */
  async update<Ret, Arg>(
    caseId: string,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: Arg,
    workerCheck?: Promise<void>,
  ): Promise<Ret | ActionPending> {
    await (workerCheck ?? this.assertWorkerPolling());
    const deadline = Date.now() + this.config.UPDATE_WAIT_MS;
    const workflow = this.client.workflow.getHandle(parkCaseWorkflowId(caseId));
    // Chosen before sending, so that an answer given while the outcome is unknown can name it.
    const updateId = idempotentUpdateId() ?? randomUUID();
    let accepted;
    try {
      accepted = await this.client.withDeadline(deadline, () =>
        workflow.startUpdate(update, { args: [arg], updateId, waitForStage: WorkflowUpdateStage.ACCEPTED }),
      );
    } catch (error) {
      // The request was sent: the server may hold the update and apply it once a worker takes the task.
      // Saying "nothing was applied" would be a guess — the honest answer is 202 with the update id.
      if (isWorkerWaitTimeout(error)) return new ActionPending(caseId, updateId, this.config.UPDATE_WAIT_MS, 'sent');
      // A connection that failed before the call reached the server (gRPC UNAVAILABLE): nothing was sent.
      const outage = classifyOutage(error, this.config.TEMPORAL_ADDRESS);
      if (outage) throw dependencyUnavailableError(outage);
      throw toApiError(error);
    }
    try {
      return await this.client.withDeadline(deadline, () => accepted.result());
    } catch (error) {
      if (!isWorkerWaitTimeout(error)) throw toApiError(error);
      return new ActionPending(caseId, accepted.updateId, this.config.UPDATE_WAIT_MS);
    }
  }

  /**
   * The outcome of an earlier action on a case (an Update, by its id): applied (with its result), refused
   * (the same 409 / 422 as a synchronous answer), still running after a short wait, or 404 when Temporal
   * knows no such update on the case. An update on a workflow that has ended since is answered from its history.
   */
  async outcome<Ret>(caseId: string, updateId: string): Promise<ActionOutcomeOf<Ret>> {
    if (updateId.length > 255)
      throw notFound(nested('errors.things.action', { caseId, updateId: `${updateId.slice(0, 40)}…` }));
    const handle = this.client.workflow.getHandle(parkCaseWorkflowId(caseId)).getUpdateHandle<Ret>(updateId);
    try {
      return {
        status: 'applied',
        result: await this.client.withDeadline(Date.now() + OUTCOME_WAIT_MS, () => handle.result()),
      };
    } catch (error) {
      if (isWorkerWaitTimeout(error)) {
        // The client retries an unreachable server until the deadline: that wait is an outage, not "running".
        await this.assertTemporalAnswers();
        return { status: 'running' };
      }
      // NOT_FOUND for the update (or the workflow): the client (1.24) raises WorkflowNotFoundError.
      if (isWorkflowEnded(error)) throw notFound(nested('errors.things.action', { caseId, updateId }));
      if ((error as { name?: string })?.name === 'WorkflowUpdateFailedError') {
        const mapped = toApiError(error);
        if (mapped instanceof ApiError) return { status: 'refused', error: mapped };
        return {
          status: 'refused',
          error: { error: 'action_failed', message: text('errors.actionFailed'), details: [] },
        };
      }
      throw error;
    }
  }

  private bounded<R>(fn: () => Promise<R>): Promise<R> {
    return this.client.withDeadline(Date.now() + this.config.UPDATE_WAIT_MS, fn);
  }

  /**
   * 503 `dependency_unavailable` unless the Temporal frontend answers within {@link OUTCOME_WAIT_MS} (issue 10
   * items 5 and 9: during a Temporal outage an outcome is not known — the answer is 503, not "running").
   */
  private async assertTemporalAnswers(): Promise<void> {
    try {
      await this.client.withDeadline(Date.now() + OUTCOME_WAIT_MS, () => this.client.workflowService.getSystemInfo({}));
    } catch (error) {
      const outage =
        classifyOutage(error, this.config.TEMPORAL_ADDRESS) ?? temporalOutage(this.config.TEMPORAL_ADDRESS, true);
      throw dependencyUnavailableError(outage);
    }
  }

  /** 503 before anything is sent when no worker has polled the task queue lately. */
  private async assertWorkerPolling(): Promise<void> {
    const { TEMPORAL_TASK_QUEUE, TEMPORAL_ADDRESS, UPDATE_WAIT_MS } = this.config;
    let live: boolean;
    try {
      live = await this.workers.isLive(Date.now() + UPDATE_WAIT_MS);
    } catch (error) {
      // Nothing was sent yet: a server that cannot be reached (or does not answer in time) is an outage.
      const outage =
        classifyOutage(error, TEMPORAL_ADDRESS) ??
        (isWorkerWaitTimeout(error) ? temporalOutage(TEMPORAL_ADDRESS, true) : undefined);
      if (outage) throw dependencyUnavailableError(outage);
      throw error;
    }
    if (!live) throw noWorkerError(TEMPORAL_TASK_QUEUE);
  }
}

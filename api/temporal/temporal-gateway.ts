import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, WorkflowUpdateStage, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { CaseSnapshot, ParkCaseInput } from '../../workflows/definitions/case';
import { caseSnapshotQuery, PARK_CASE_WORKFLOW_TYPE, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { DISTRICT_KEY } from '../../workflows/definitions/search-attributes';
import { OUTCOME_WAIT_MS, type ActionOutcomeOf } from '../action-outcomes/action-outcome';
import { ActionPending } from '../action-outcomes/action-pending';
import { ApiError, nested, notFound } from '../common/api-error';
import { classifyOutage, dependencyUnavailableError, temporalOutage } from '../common/dependency-errors';
import { AppConfig } from '../config/app-config';
import { text } from '../i18n/localized-text';
import {
  CaseRunEnded,
  isAlreadyStarted,
  isUpdateFailure,
  isWorkerWaitTimeout,
  isWorkflowEnded,
  toApiError,
} from './temporal-errors';
import { TEMPORAL_CLIENT } from './temporal-client.token';

/** A poller Temporal saw on the workflow task queue: its identity and when it last polled (epoch ms). */
export interface SeenPoller {
  identity: string;
  lastSeenMs: number;
}

/** How a filing is sent: its update id, and whether a retry re-attaches to the case an earlier request started. */
export interface FilingOptions {
  updateId: string;
  /** The caseId derives from the `Idempotency-Key`: an existing case with it is the same filing, retried. */
  reattach: boolean;
  /** Shown in Temporal's UI beside the case. */
  summary: string;
  details: string;
}

/** How long the description of a case's workflow may take. */
const DESCRIBE_WAIT_MS = 5_000;

/**
 * The API's one way to Temporal and the only holder of its client: case workflows are started, sent officer
 * actions (Updates) and read here, and Temporal's answers become the API's — business failures the contract's
 * 409 / 422, an unreachable server 503 (nothing was sent), a wait that ran out {@link ActionPending} (202).
 */
@Injectable()
export class TemporalGateway {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  /** The pollers Temporal saw on the workflow task queue; asked with `deadline` (epoch ms). */
  async pollers(deadline: number): Promise<SeenPoller[]> {
    const { TEMPORAL_NAMESPACE: namespace, TEMPORAL_TASK_QUEUE: taskQueue } = this.config;
    const { pollers } = await this.client.withDeadline(deadline, () =>
      this.client.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
    return (pollers ?? []).flatMap((poller) =>
      poller.identity
        ? [{ identity: poller.identity, lastSeenMs: Number(poller.lastAccessTime?.seconds ?? 0) * 1000 }]
        : [],
    );
  }

  /** Resolves once the Temporal frontend answers; fails when it does not by `deadline` (epoch ms). */
  async ping(deadline: number): Promise<void> {
    await this.client.withDeadline(deadline, () => this.client.workflowService.getSystemInfo({}));
  }

  /**
   * Starts a new case workflow together with its filing (Update-with-Start). The API never terminates a case it
   * started: the answer is the filing's result; 503 only when nothing was sent (Temporal could not be reached); or,
   * when it was sent but no outcome came within `UPDATE_WAIT_MS`, an {@link ActionPending} naming the caseId and the
   * update id — the server may hold the case and a worker completes it later.
   *
   * A re-attaching filing uses the conflict policy `USE_EXISTING`: a retry joins the case the first request started,
   * and Temporal dedupes the update by its id, so the retry returns the same case and the real outcome. A case that
   * has ended meanwhile is not started again (`REJECT_DUPLICATE`): its filing's outcome is read back.
   */
  async file<Ret, Arg>(
    input: ParkCaseInput,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: Arg,
    { updateId, reattach, summary, details }: FilingOptions,
  ): Promise<Ret | ActionPending> {
    const startWorkflowOperation = new WithStartWorkflowOperation(PARK_CASE_WORKFLOW_TYPE, {
      workflowId: parkCaseWorkflowId(input.caseId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: reattach ? 'USE_EXISTING' : 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [{ key: DISTRICT_KEY, value: input.district }],
      staticSummary: summary,
      staticDetails: details,
    });
    try {
      return await this.client.withDeadline(Date.now() + this.config.UPDATE_WAIT_MS, () =>
        this.client.workflow.executeUpdateWithStart(update, { args: [arg], startWorkflowOperation, updateId }),
      );
    } catch (error) {
      // Sent, but no outcome in time: the server may hold the case — 202 with its caseId, never a terminate.
      if (isWorkerWaitTimeout(error))
        return new ActionPending(input.caseId, updateId, this.config.UPDATE_WAIT_MS, 'filing');
      this.throwIfNothingSent(error);
      if (reattach && isAlreadyStarted(error)) return this.endedFiling<Ret>(input.caseId, updateId);
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
   * Sends an officer action (an Update with one argument) to an existing case, as update `updateId`. The answer is
   * the action's result; or, when no outcome came within `UPDATE_WAIT_MS`, an {@link ActionPending}: sent (its
   * outcome not known yet) or accepted (durable, completing on its own). {@link CaseRunEnded} when the case's
   * workflow has ended.
   */
  async update<Ret, Arg>(
    caseId: string,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: Arg,
    updateId: string,
  ): Promise<Ret | ActionPending> {
    const deadline = Date.now() + this.config.UPDATE_WAIT_MS;
    const workflow = this.client.workflow.getHandle(parkCaseWorkflowId(caseId));
    let accepted;
    try {
      accepted = await this.client.withDeadline(deadline, () =>
        workflow.startUpdate(update, { args: [arg], updateId, waitForStage: WorkflowUpdateStage.ACCEPTED }),
      );
    } catch (error) {
      // The request was sent: the server may hold the update and apply it once a worker takes the task.
      // Saying "nothing was applied" would be a guess — the honest answer is 202 with the update id.
      if (isWorkerWaitTimeout(error)) return new ActionPending(caseId, updateId, this.config.UPDATE_WAIT_MS, 'sent');
      this.throwIfNothingSent(error);
      if (isWorkflowEnded(error)) throw new CaseRunEnded(caseId);
      throw toApiError(error);
    }
    try {
      return await this.client.withDeadline(deadline, () => accepted.result());
    } catch (error) {
      if (isWorkerWaitTimeout(error)) return new ActionPending(caseId, accepted.updateId, this.config.UPDATE_WAIT_MS);
      if (isWorkflowEnded(error)) throw new CaseRunEnded(caseId);
      throw toApiError(error);
    }
  }

  /**
   * The outcome of an earlier action on a case (an Update, by its id): applied (with its result), refused (the same
   * 409 / 422 as a synchronous answer), still running after {@link OUTCOME_WAIT_MS}, or 404 when Temporal knows no
   * such update on the case. An update on a workflow that has ended since is answered from its history.
   */
  async outcome<Ret>(caseId: string, updateId: string): Promise<ActionOutcomeOf<Ret>> {
    if (updateId.length > 255)
      throw notFound(nested('errors.things.action', { caseId, updateId: `${updateId.slice(0, 40)}…` }));
    const handle = this.client.workflow.getHandle(parkCaseWorkflowId(caseId)).getUpdateHandle<Ret>(updateId);
    try {
      const result = await this.client.withDeadline(Date.now() + OUTCOME_WAIT_MS, () => handle.result());
      return { status: 'applied', result };
    } catch (error) {
      if (isWorkerWaitTimeout(error)) {
        // The client retries an unreachable server until the deadline: that wait is an outage, not "running".
        await this.assertAnswers();
        return { status: 'running' };
      }
      // NOT_FOUND for the update (or the workflow): the SDK raises WorkflowNotFoundError.
      if (isWorkflowEnded(error)) throw notFound(nested('errors.things.action', { caseId, updateId }));
      if (!isUpdateFailure(error)) throw error;
      const mapped = toApiError(error);
      if (mapped instanceof ApiError) return { status: 'refused', error: mapped };
      return {
        status: 'refused',
        error: { error: 'action_failed', message: text('errors.actionFailed'), details: [] },
      };
    }
  }

  /**
   * The case as its workflow holds it now (its query), for reads the read model has not caught up with; undefined
   * when there is no such case, it is a draft, or the workflow does not answer (within `waitMs`, when given: a query
   * of an ended run waits for a worker to replay it).
   */
  async liveSnapshot(caseId: string, waitMs?: number): Promise<CaseSnapshot | undefined> {
    const query = () => this.client.workflow.getHandle(parkCaseWorkflowId(caseId)).query(caseSnapshotQuery);
    try {
      const snapshot = await (waitMs === undefined ? query() : this.client.withDeadline(Date.now() + waitMs, query));
      return snapshot.stage === 'draft' ? undefined : snapshot;
    } catch {
      return undefined; // no such workflow (or not answerable now): the case is not known
    }
  }

  /**
   * The district a case workflow was started for (its search attribute) — known without a worker; undefined when
   * there is no such workflow.
   */
  async district(caseId: string): Promise<string | undefined> {
    try {
      const description = await this.client.withDeadline(Date.now() + DESCRIBE_WAIT_MS, () =>
        this.client.workflow.getHandle(parkCaseWorkflowId(caseId)).describe(),
      );
      return description.typedSearchAttributes.get(DISTRICT_KEY);
    } catch {
      return undefined;
    }
  }

  /** A connection that failed before the call reached the server (gRPC UNAVAILABLE): 503, nothing was sent. */
  private throwIfNothingSent(error: unknown): void {
    const outage = classifyOutage(error, this.config.TEMPORAL_ADDRESS);
    if (outage) throw dependencyUnavailableError(outage);
  }

  /**
   * 503 `dependency_unavailable` unless the Temporal frontend answers within {@link OUTCOME_WAIT_MS} (issue 10
   * items 5 and 9: during a Temporal outage an outcome is not known — the answer is 503, not "running").
   */
  private async assertAnswers(): Promise<void> {
    try {
      await this.ping(Date.now() + OUTCOME_WAIT_MS);
    } catch (error) {
      const address = this.config.TEMPORAL_ADDRESS;
      throw dependencyUnavailableError(classifyOutage(error, address) ?? temporalOutage(address, true));
    }
  }
}

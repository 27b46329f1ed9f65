import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateStage, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { ParkCaseInput } from '../../workflows/definitions/case';
import { PARK_CASE_WORKFLOW_TYPE, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { DISTRICT_KEY } from '../../workflows/definitions/search-attributes';
import { currentRequest } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { isWorkerWaitTimeout, noWorkerError, toApiError } from './temporal-errors';
import { TEMPORAL_CLIENT } from './temporal-client.token';

/** A poller seen this recently counts as a live worker (the server keeps poller records for a few minutes). */
const LIVE_POLLER_MS = 70_000;

/** An action the case accepted whose effects are still being completed (answered 202). */
export class ActionPending {
  readonly status = 'accepted';
  readonly message: string;
  constructor(
    readonly caseId: string,
    readonly updateId: string,
    waitedMs: number,
  ) {
    this.message = `the action was accepted and is durable, but its effects (e.g. the treasury hand-over) took longer than ${waitedMs} ms; GET /v1/cases/${caseId} shows the outcome`;
  }
}

/**
 * With an `Idempotency-Key`, the update id is derived from it: Temporal then applies a retried action once
 * even when the API lost the first response before storing it. Without one, the SDK picks a fresh id.
 */
function idempotentUpdateId(): string | undefined {
  const idempotency = currentRequest()?.idempotency;
  if (!idempotency) return undefined;
  return `idempotency-${createHash('sha256').update(`${idempotency.caller}\n${idempotency.key}`).digest('hex').slice(0, 32)}`;
}

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
  ) {}

  /** Starts a new case workflow together with its first officer action (Update-with-Start). */
  async startWithUpdate<Ret, Arg>(input: ParkCaseInput, summary: string, details: string, update: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Ret> {
    await this.assertWorkerPolling();
    const workflowId = parkCaseWorkflowId(input.caseId);
    const startWorkflowOperation = new WithStartWorkflowOperation(PARK_CASE_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: [{ key: DISTRICT_KEY, value: input.district }],
      staticSummary: summary,
      staticDetails: details,
    });
    try {
      return await this.bounded(() => this.client.workflow.executeUpdateWithStart(update, { args: [arg], startWorkflowOperation, updateId: idempotentUpdateId() }));
    } catch (error) {
      if (!isWorkerWaitTimeout(error)) throw toApiError(error);
      // The worker vanished mid-request: end the half-started case rather than leave it dangling.
      await this.client.workflow.getHandle(workflowId).terminate('no worker processed the first filing in time; the API answered 503').catch(() => undefined);
      throw noWorkerError(this.config.TEMPORAL_TASK_QUEUE, this.config.UPDATE_WAIT_MS);
    }
  }

  /**
   * Sends an officer action (an Update with one argument) to an existing case. The answer is the action's
   * result; or, when the validator accepted the action but its effects (a treasury hand-over) outlast
   * `UPDATE_WAIT_MS`, an {@link ActionPending}: the action is durable and completes on its own.
   */
  async update<Ret, Arg>(caseId: string, update: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Ret | ActionPending> {
    await this.assertWorkerPolling();
    const deadline = Date.now() + this.config.UPDATE_WAIT_MS;
    const workflow = this.client.workflow.getHandle(parkCaseWorkflowId(caseId));
    let accepted;
    try {
      accepted = await this.client.withDeadline(deadline, () =>
        workflow.startUpdate(update, { args: [arg], updateId: idempotentUpdateId(), waitForStage: WorkflowUpdateStage.ACCEPTED }),
      );
    } catch (error) {
      if (isWorkerWaitTimeout(error)) throw noWorkerError(this.config.TEMPORAL_TASK_QUEUE, this.config.UPDATE_WAIT_MS);
      throw toApiError(error);
    }
    try {
      return await this.client.withDeadline(deadline, () => accepted.result());
    } catch (error) {
      if (!isWorkerWaitTimeout(error)) throw toApiError(error);
      return new ActionPending(caseId, accepted.updateId, this.config.UPDATE_WAIT_MS);
    }
  }

  private bounded<R>(fn: () => Promise<R>): Promise<R> {
    return this.client.withDeadline(Date.now() + this.config.UPDATE_WAIT_MS, fn);
  }

  /** 503 before anything is sent when no worker has polled the task queue lately. */
  private async assertWorkerPolling(): Promise<void> {
    const { pollers } = await this.bounded(() =>
      this.client.workflowService.describeTaskQueue({
        namespace: this.config.TEMPORAL_NAMESPACE,
        taskQueue: { name: this.config.TEMPORAL_TASK_QUEUE, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
    const now = Date.now();
    const live = (pollers ?? []).some((poller) => now - Number(poller.lastAccessTime?.seconds ?? 0) * 1000 < LIVE_POLLER_MS);
    if (!live) throw noWorkerError(this.config.TEMPORAL_TASK_QUEUE, 0);
  }
}

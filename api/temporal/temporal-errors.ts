import { HttpStatus } from '@nestjs/common';
import {
  ApplicationFailure,
  isGrpcDeadlineError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import {
  CaseFailureType,
  type InvalidInputDetail,
  type InvalidStageDetails,
} from '../../workflows/definitions/failures';
import { catalogueText } from '../../i18n/catalogue';
import { DEFAULT_LOCALE, type MessageRef } from '../../workflows/definitions/message-ref';
import type { OfficerActionName } from '../../workflows/definitions/officer-actions';
import { ApiError, invalidRequest, nested, type ErrorDetail } from '../common/api-error';
import { text, textOf, type LocalizedText } from '../i18n/localized-text';

/** The error and its causes, bounded (a cause chain is short; a cycle must not hang the answer). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current instanceof Error && chain.length < 10; current = current.cause) chain.push(current);
  return chain;
}

/** The workflow's business failure (an `ApplicationFailure` with a type) behind a failed update, if any. */
function applicationFailureOf(error: unknown): ApplicationFailure | undefined {
  return causes(error).find((e): e is ApplicationFailure => e instanceof ApplicationFailure && Boolean(e.type));
}

/**
 * True when the bounded wait for Temporal ran out: the update call timed out (the SDK's
 * `WorkflowUpdateRPCTimeoutOrCancelledError`), or any call ended with gRPC DEADLINE_EXCEEDED along its causes (the
 * SDK's `isGrpcDeadlineError`, e.g. a `ServiceError` wrapping it).
 */
export function isWorkerWaitTimeout(error: unknown): boolean {
  return error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error);
}

/**
 * True when Temporal refused a call because the case's workflow has ended. For an Update to a completed
 * workflow the server answers gRPC NOT_FOUND "workflow execution already completed", which the SDK's workflow
 * client turns into `WorkflowNotFoundError` — it also does so when the run is gone altogether (past retention).
 * A raw gRPC NOT_FOUND is deliberately not matched: outside the workflow handle it means something else (e.g. a
 * namespace). The SDK's error classes match by a registered symbol, so two copies of the SDK still agree.
 */
export function isWorkflowEnded(error: unknown): boolean {
  return causes(error).some((e) => e instanceof WorkflowNotFoundError);
}

/** True when an Update failed in the workflow (its validator refused it, or its handler threw). */
export const isUpdateFailure = (error: unknown): boolean => error instanceof WorkflowUpdateFailedError;

/** True when a case with this workflow id exists (or existed) already: a filing's start was refused. */
export const isAlreadyStarted = (error: unknown): boolean => error instanceof WorkflowExecutionAlreadyStartedError;

/**
 * Thrown by the gateway when an action reached a case whose workflow has ended (see {@link isWorkflowEnded}): the
 * caller answers it with {@link caseEndedError}, naming the stage the case ended in.
 */
export class CaseRunEnded extends Error {
  constructor(readonly caseId: string) {
    super(`the workflow of case ${caseId} has ended`);
    this.name = 'CaseRunEnded';
  }
}

/** The action by the bureau's name for it (`errors.actions.<name>`); an action the catalogue lacks, as itself. */
function actionName(action: string): MessageRef | string {
  const code = `errors.actions.${action}`;
  return catalogueText(DEFAULT_LOCALE, code) ? nested(code as `errors.actions.${OfficerActionName}`) : action;
}

/**
 * policy.md "Calendar…", last rule: an action on a case whose workflow has ended (`lapsed`, `rejected`,
 * `closed`) is 409 `invalid_stage` naming the stage — `ended` when it is not known — never 5xx.
 */
export function caseEndedError(action: string, stage: string | undefined): ApiError {
  const message = stage
    ? text('errors.caseEnded', { stage, action: actionName(action) })
    : text('errors.caseEndedStageUnknown', { action: actionName(action) });
  return new ApiError(HttpStatus.CONFLICT, 'invalid_stage', message);
}

/** The 503 an officer gets when no worker polls the task queue: the action was not sent. */
export function noWorkerError(taskQueue: string): ApiError {
  return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'worker_unavailable', text('errors.noWorker', { taskQueue }));
}

/**
 * The 409 text of an `InvalidStage` failure: the current stage by code and name, the action by its name, and the
 * stages that allow it — or why the case already counts as in that stage (a resubmission after its window, §5.1).
 * Details without `allowed` come from workers built before it was carried.
 */
function invalidStageText(details: Partial<InvalidStageDetails>): LocalizedText {
  const { stage } = details;
  if (!stage) return text('errors.status.conflict');
  const action = actionName(details.action ?? '');
  if (details.reason) return text('errors.invalidStageBecause', { stage, action, reason: details.reason });
  if (details.allowed) return text('errors.invalidStage', { stage, action, allowed: details.allowed });
  return text('errors.invalidStageHere', { stage, action });
}

/**
 * One problem of an `InvalidInput` failure as a 422 detail: its text from the code the workflow gives, or the English
 * sentence a worker built before the catalogues gave instead.
 */
function inputDetail(detail: Partial<InvalidInputDetail> & { message?: string }): ErrorDetail {
  return {
    ...(detail.field === undefined ? {} : { field: detail.field }),
    ...(detail.rule === undefined ? {} : { rule: detail.rule }),
    message: textOf({ code: detail.code, params: detail.params }, detail.message),
  };
}

/** Maps a workflow's business failure (validator or handler) to the contract's 409 / 422; rethrows others. */
export function toApiError(error: unknown): unknown {
  const failure = applicationFailureOf(error);
  if (failure?.type === CaseFailureType.INVALID_STAGE) {
    const details = (failure.details?.[0] ?? {}) as Partial<InvalidStageDetails>;
    return new ApiError(HttpStatus.CONFLICT, 'invalid_stage', invalidStageText(details));
  }
  if (failure?.type === CaseFailureType.INVALID_INPUT) {
    const details = (failure.details ?? []) as Array<Partial<InvalidInputDetail>>;
    return invalidRequest(details.map(inputDetail));
  }
  return error;
}

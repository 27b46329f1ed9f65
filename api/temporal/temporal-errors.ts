import { HttpStatus } from '@nestjs/common';
import { isGrpcDeadlineError } from '@temporalio/client';
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

interface FailureLike {
  name?: string;
  type?: string;
  message?: string;
  details?: unknown[];
  cause?: FailureLike;
}

/** The `ApplicationFailure.type` behind a failed update, if any (matched by name and type, never instanceof). */
function applicationFailureOf(error: unknown): FailureLike | undefined {
  let current = error as FailureLike | undefined;
  while (current) {
    if (current.name === 'ApplicationFailure' && current.type) return current;
    current = current.cause;
  }
  return undefined;
}

/** True when the bounded wait for a worker ran out (deadline exceeded or the update RPC timed out). */
export function isWorkerWaitTimeout(error: unknown): boolean {
  const e = error as { name?: string };
  // isGrpcDeadlineError: the SDK's own check for gRPC status DEADLINE_EXCEEDED along the cause chain.
  return (
    e?.name === 'WorkflowUpdateRPCTimeoutOrCancelledError' ||
    (e?.name === 'ServiceError' && /deadline/i.test(String((error as Error).message))) ||
    isGrpcDeadlineError(error)
  );
}

/**
 * True when Temporal refused a call because the case's workflow has ended. For an Update to a completed
 * workflow the server answers gRPC NOT_FOUND "workflow execution already completed", which the client's
 * `WorkflowClient` (1.24) turns into `WorkflowNotFoundError` — it also does so when the run is gone
 * altogether (past retention). Matched by name along the cause chain, never instanceof. A raw gRPC NOT_FOUND
 * is deliberately not matched: outside the workflow handle it means something else (e.g. a namespace).
 */
export function isWorkflowEnded(error: unknown): boolean {
  let current = error as FailureLike | undefined;
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (current.name === 'WorkflowNotFoundError') return true;
    current = current.cause;
  }
  return false;
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

import { HttpStatus } from '@nestjs/common';
import { isGrpcDeadlineError } from '@temporalio/client';
import {
  CaseFailureType,
  type InvalidInputDetail,
  type InvalidStageDetails,
} from '../../workflows/definitions/failures';
import { ApiError } from '../common/api-error';

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

/**
 * policy.md "Calendar…", last rule: an action on a case whose workflow has ended (`lapsed`, `rejected`,
 * `closed`) is 409 `invalid_stage` naming the stage — `ended` when it is not known — never 5xx.
 */
export function caseEndedError(action: string, stage: string | undefined): ApiError {
  const named = stage ?? 'ended';
  return new ApiError(
    HttpStatus.CONFLICT,
    'invalid_stage',
    `${action} is not allowed in stage '${named}' (the case has ended; current stage: ${named})`,
  );
}

/** The 503 an officer gets when no worker took the action in time. */
export function noWorkerError(taskQueue: string, waitedMs: number): ApiError {
  const message =
    waitedMs === 0
      ? `no parkflow worker is polling task queue '${taskQueue}'; ` +
        `the action was not sent — retry once the worker runs`
      : `no parkflow worker answered on task queue '${taskQueue}' within ${waitedMs} ms; ` +
        `retry once the worker runs (GET the case to see whether the action was applied)`;
  return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'worker_unavailable', message);
}

/** Maps a workflow's business failure (validator or handler) to the contract's 409 / 422; rethrows others. */
export function toApiError(error: unknown): unknown {
  const failure = applicationFailureOf(error);
  if (failure?.type === CaseFailureType.INVALID_STAGE) {
    const { stage } = (failure.details?.[0] ?? {}) as Partial<InvalidStageDetails>;
    return new ApiError(
      HttpStatus.CONFLICT,
      'invalid_stage',
      `${failure.message} (current stage: ${stage ?? 'unknown'})`,
    );
  }
  if (failure?.type === CaseFailureType.INVALID_INPUT) {
    const detail = failure.details?.[0] as InvalidInputDetail | undefined;
    const message = failure.message ?? 'invalid input';
    return new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'validation_failed',
      message,
      detail ? [detail] : [{ message }],
    );
  }
  return error;
}

import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApiError } from '../../api/common/api-error';
import { isWorkerWaitTimeout, isWorkflowEnded, toApiError } from '../../api/temporal/temporal-errors';
import { CaseFailureType } from '../../workflows/definitions/failures';

/** A gRPC error as @grpc/grpc-js raises it: `code`, `details`, `metadata`. */
const grpcError = (code: number, details: string): Error =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => ({}) } });
const DEADLINE_EXCEEDED = 4;

/** Issue 23 item 4: Temporal's answers are told apart by the SDK's own error classes, never by their names. */
describe('Temporal errors recognised by the SDK’s classes', () => {
  it('a refused Update (ApplicationFailure of type InvalidStage) is the contract’s 409', () => {
    const failure = ApplicationFailure.create({
      type: CaseFailureType.INVALID_STAGE,
      message: 'acceptance@under_review',
      details: [{ stage: 'under_review', action: 'acceptance', allowed: ['submitted'] }],
    });
    const mapped = toApiError(new WorkflowUpdateFailedError('Workflow Update failed', failure));
    expect(mapped).toBeInstanceOf(ApiError);
    expect((mapped as ApiError).getResponse()).toMatchObject({ error: 'invalid_stage' });
  });

  it('an ApplicationFailure without a type, or another error, is left as it is', () => {
    const untyped = new WorkflowUpdateFailedError('failed', ApplicationFailure.create({ message: 'boom' }));
    expect(toApiError(untyped)).toBe(untyped);
  });

  it('an ended workflow is WorkflowNotFoundError, also inside a ServiceError; a look-alike by name is not', () => {
    const ended = new WorkflowNotFoundError('workflow execution already completed', 'park-case-1', undefined);
    expect(isWorkflowEnded(ended)).toBe(true);
    expect(isWorkflowEnded(new ServiceError('Workflow Update failed', { cause: ended }))).toBe(true);
    const lookAlike = Object.assign(new Error('workflow execution already completed'), {
      name: 'WorkflowNotFoundError',
    });
    expect(isWorkflowEnded(lookAlike)).toBe(false);
  });

  it('a wait that ran out: the update RPC timed out, or DEADLINE_EXCEEDED anywhere along the causes', () => {
    expect(isWorkerWaitTimeout(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'))).toBe(true);
    const wrapped = new ServiceError('Failed to describe workflow', {
      cause: grpcError(DEADLINE_EXCEEDED, 'Deadline'),
    });
    expect(isWorkerWaitTimeout(wrapped)).toBe(true);
    expect(isWorkerWaitTimeout(new ServiceError('Failed to describe workflow'))).toBe(false);
  });
});

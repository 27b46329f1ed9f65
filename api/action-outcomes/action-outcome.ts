import type { ApiError, ErrorBody } from '../common/api-error';

/** How long `GET /v1/cases/{caseId}/actions/{updateId}` waits for an outcome before answering "running". */
export const OUTCOME_WAIT_MS = 1_000;

/**
 * The outcome of an earlier action, as Temporal keeps it: still running, applied (with the Update's result), or
 * refused (the 409 / 422 it would have been answered with at once; an unmapped failure as its error body).
 */
export type ActionOutcomeOf<Ret> =
  { status: 'running' } | { status: 'applied'; result: Ret } | { status: 'refused'; error: ApiError | ErrorBody };

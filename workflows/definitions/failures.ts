import { ApplicationFailure } from '@temporalio/workflow';

/**
 * `ApplicationFailure.type` values that callers match on (never `instanceof`): the API maps them to HTTP.
 */
export const CaseFailureType = {
  /** The case's current stage does not allow the action (→ 409 `invalid_stage`). */
  INVALID_STAGE: 'InvalidStage',
  /** The action's input breaks a rule that only the case can check (→ 422). */
  INVALID_INPUT: 'InvalidInput',
} as const;
export type CaseFailureType = (typeof CaseFailureType)[keyof typeof CaseFailureType];

/** Details carried by an `InvalidStage` failure. */
export interface InvalidStageDetails {
  stage: string;
  action: string;
}

/** One field-level problem carried by an `InvalidInput` failure (→ a 422 `details` entry). */
export interface InvalidInputDetail {
  field: string;
  rule?: string;
  message: string;
}

/** The action's input breaks a rule only the case can check, e.g. a subsidy outside R-SUB-1's range. */
export function invalidInput(field: string, message: string, rule?: string): ApplicationFailure {
  const detail: InvalidInputDetail = { field, message, ...(rule ? { rule } : {}) };
  return ApplicationFailure.create({
    type: CaseFailureType.INVALID_INPUT,
    message: `${field}: ${message}${rule ? ` (${rule})` : ''}`,
    details: [detail],
    nonRetryable: true,
  });
}

export function invalidStage(action: string, stage: string, allowed: readonly string[]): ApplicationFailure {
  const details: InvalidStageDetails = { stage, action };
  return ApplicationFailure.create({
    type: CaseFailureType.INVALID_STAGE,
    message: `${action} is not allowed in stage '${stage}' (allowed in: ${allowed.join(', ')})`,
    details: [details],
    nonRetryable: true,
  });
}

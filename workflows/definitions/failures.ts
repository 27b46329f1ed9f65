import { ApplicationFailure } from '@temporalio/workflow';
import { messageRef, type MessageParams, type MessageRef } from './message-ref';

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

/** Details carried by an `InvalidStage` failure: the API writes its 409 text from them, in the reader's language. */
export interface InvalidStageDetails {
  stage: string;
  action: string;
  /** The stages that allow the action (stage codes). */
  allowed: string[];
  /** Why the case counts as in `stage` already, e.g. a resubmission after its window, before the lapse (§5.1). */
  reason?: MessageRef;
}

/**
 * One field-level problem carried by an `InvalidInput` failure (→ a 422 `details` entry): the field, the rule, and the
 * text as a catalogue code with its parameters.
 */
export interface InvalidInputDetail extends MessageRef {
  field: string;
  rule?: string;
}

/**
 * The action's input breaks a rule only the case can check, e.g. a subsidy outside R-SUB-1's range. The failure's
 * own message is a machine text for logs and the Temporal UI
 * (`subsidyAmount:rules.refusals.subsidyOutOfRange(R-SUB-1)`); people read the code's text.
 */
export function invalidInput(field: string, code: string, params?: MessageParams, rule?: string): ApplicationFailure {
  return invalidInputs([{ field, ...(rule ? { rule } : {}), ...messageRef(code, params) }]);
}

/**
 * An `InvalidInput` failure with several problems at once (→ one 422 listing each), e.g. every paper R-DOC-1 still
 * wants. Its message joins the problems' machine texts.
 */
export function invalidInputs(details: InvalidInputDetail[]): ApplicationFailure {
  const machineText = (d: InvalidInputDetail) => `${d.field}:${d.code}${d.rule ? `(${d.rule})` : ''}`;
  return ApplicationFailure.create({
    type: CaseFailureType.INVALID_INPUT,
    message: details.map(machineText).join(';'),
    details,
    nonRetryable: true,
  });
}

/**
 * The case's stage does not allow `action`. The failure's own message is a machine text for logs and the Temporal UI
 * (`designation@submitted(allowed:under_review)`); the API writes the 409 text from the details.
 */
export function invalidStage(
  action: string,
  stage: string,
  allowed: readonly string[],
  reason?: MessageRef,
): ApplicationFailure {
  const details: InvalidStageDetails = { stage, action, allowed: [...allowed], ...(reason ? { reason } : {}) };
  const allowedList = allowed.join(',');
  return ApplicationFailure.create({
    type: CaseFailureType.INVALID_STAGE,
    message: `${action}@${stage}(allowed:${allowedList})`,
    details: [details],
    nonRetryable: true,
  });
}

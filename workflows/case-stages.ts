import type { CaseSnapshot } from './definitions/case';
import { invalidStage } from './definitions/failures';

type Stage = CaseSnapshot['stage'];

/** Officer actions on a case, and the stages that allow each (§5; api-contract "Stages"). */
export const ACTION_STAGES = {
  submitApplication: ['draft', 'returned'],
  acceptance: ['submitted'],
  formPanel: ['accepted', 'under_review'],
  submitReview: ['under_review'],
  designation: ['under_review'],
  incubationBase: ['designated', 'rectifying'],
  // R-PAY-1: every stage that can hold money in flight.
  confirmPayment: ['designated', 'rectifying', 'revoked'],
  annualReport: ['designated', 'rectifying'],
  evaluation: ['designated', 'rectifying'],
  refundPayment: ['revoked'],
  refundWriteOff: ['revoked'],
} as const satisfies Record<string, ReadonlyArray<Stage>>;

export type CaseAction = keyof typeof ACTION_STAGES;

export function isActionAllowed(action: CaseAction, stage: Stage): boolean {
  return (ACTION_STAGES[action] as ReadonlyArray<string>).includes(stage);
}

/** Throws the `InvalidStage` failure (→ 409) unless `action` is allowed in the case's stage. */
export function assertStage(action: CaseAction, state: CaseSnapshot): void {
  if (!isActionAllowed(action, state.stage)) throw invalidStage(action, state.stage, ACTION_STAGES[action]);
}

export { FINAL_STAGES } from './definitions/case';

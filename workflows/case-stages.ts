import type { CaseSnapshot } from './definitions/case';

/** Officer actions on a case, and the stages that allow each (§5; api-contract "Stages"). */
export const ACTION_STAGES = {
  /** §5.1: first filing (a new case) or a corrected application while returned. */
  submitApplication: ['draft', 'returned'],
} as const satisfies Record<string, ReadonlyArray<CaseSnapshot['stage']>>;

export type CaseAction = keyof typeof ACTION_STAGES;

export function isActionAllowed(action: CaseAction, stage: CaseSnapshot['stage']): boolean {
  return (ACTION_STAGES[action] as ReadonlyArray<string>).includes(stage);
}

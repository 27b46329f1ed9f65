import type { CaseSnapshot } from './definitions/case';
import { invalidStage } from './definitions/failures';
import { OFFICER_ACTIONS, type OfficerActionName } from './definitions/officer-actions';

type Stage = CaseSnapshot['stage'];

/** Whether the stages {@link OFFICER_ACTIONS} declares for `action` (§5; api-contract "Stages") include `stage`. */
export function isActionAllowed(action: OfficerActionName, stage: Stage): boolean {
  return (OFFICER_ACTIONS[action].stages as ReadonlyArray<Stage>).includes(stage);
}

/** Throws the `InvalidStage` failure (→ 409) unless `action` is allowed in the case's stage. */
export function assertStage(action: OfficerActionName, state: CaseSnapshot): void {
  if (!isActionAllowed(action, state.stage)) throw invalidStage(action, state.stage, OFFICER_ACTIONS[action].stages);
}

export { FINAL_STAGES } from './definitions/case';

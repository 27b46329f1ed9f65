import { FINAL_STAGES, type CaseSnapshot, type ParkCaseInput } from '../definitions/case';
import type { PolicyClockView } from '../definitions/messages';
import { addPolicyDays } from '../definitions/policy-time';
import { outcome, type Outcome } from './outcome';

/** The most policy days one `policyClockAdvanced` signal may move a case's clock: ten years, a park's whole life. */
export const MAX_CLOCK_ADVANCE_DAYS = 3660;

/** What is wrong with `days` as a clock advance (a sentence naming the field), or undefined when it is valid. */
export function clockAdvanceProblem(days: unknown): string | undefined {
  if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_CLOCK_ADVANCE_DAYS) return;
  return `days must be a whole number of policy days from 1 to ${MAX_CLOCK_ADVANCE_DAYS}, got ${JSON.stringify(days)}`;
}

/**
 * Why a case leaves its clock where it is on a `policyClockAdvanced` signal (for the worker's log), or undefined when
 * it moves it: only a case started adjustable, still open, and with a valid `days`.
 */
export function ignoredClockAdvance(input: ParkCaseInput, state: CaseSnapshot, request: unknown): string | undefined {
  if (input.policyClockAdjustable !== true) return 'the case was not started with POLICY_CLOCK_ADJUSTABLE=true';
  if (FINAL_STAGES.includes(state.stage)) return `the case has ended (stage ${state.stage})`;
  return clockAdvanceProblem((request as { days?: unknown } | null | undefined)?.days);
}

/**
 * Moves the case's policy clock `days` forward from the policy date `from`: kept in the state (so it survives
 * continue-as-new) and returned as the system change the audit trail records.
 */
export function advancePolicyClock(state: CaseSnapshot, days: number, from: string): Outcome {
  state.clockAdvancedDays = (state.clockAdvancedDays ?? 0) + days;
  return outcome('policy_clock_advanced', { days, from, to: addPolicyDays(from, days) });
}

/** The case's policy clock as `policyClockQuery` answers it, at the policy date `policyNow`. */
export function policyClockView(input: ParkCaseInput, state: CaseSnapshot, policyNow: string): PolicyClockView {
  return { adjustable: input.policyClockAdjustable === true, advancedDays: state.clockAdvancedDays ?? 0, policyNow };
}

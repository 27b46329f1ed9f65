/**
 * Policy time (api-contract "Time"): `POLICY_TIME_SCALE` divides every policy duration, so a policy day
 * lasts `86400 / scale` seconds of workflow time. Policy dates are counted from the case's opening; a training or test
 * stack may move a case's policy clock forward (its `clockAdvancedDays`).
 */
const DAY_MS = 86_400_000;

/** Workflow-time milliseconds that `days` policy days last. */
export function policyDaysToMs(days: number, scale: number): number {
  return (days * DAY_MS) / scale;
}

/**
 * The policy date at workflow time `nowMs`, for a case opened at `openedMs` (identical when scale is 1), moved on by
 * the policy days its clock was advanced (`policyClockAdvanced`, training and test stacks only).
 */
export function policyDateAt(openedMs: number, nowMs: number, scale: number, advancedDays = 0): Date {
  return new Date(openedMs + (nowMs - openedMs) * scale + advancedDays * DAY_MS);
}

/**
 * The inverse of {@link policyDateAt}: the workflow time at which policy date `policyIso` comes, for a case opened at
 * `openedMs` (policy date `openedIso`) whose clock was advanced `advancedDays`.
 */
export function wallTimeAt(
  policyIso: string,
  opened: { ms: number; iso: string },
  scale: number,
  advancedDays = 0,
): Date {
  return new Date(opened.ms + (Date.parse(policyIso) - Date.parse(opened.iso) - advancedDays * DAY_MS) / scale);
}

/**
 * The instant `days` × 24 h after `fromIso` (plain instant arithmetic; policy periods count days: see civil-date.ts).
 */
export function addPolicyDays(fromIso: string, days: number): string {
  return new Date(Date.parse(fromIso) + days * DAY_MS).toISOString();
}

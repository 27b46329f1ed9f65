/**
 * Policy time (api-contract "Time"): `POLICY_TIME_SCALE` divides every policy duration, so a policy day
 * lasts `86400 / scale` seconds of workflow time. Policy dates are counted from the case's opening.
 */
const DAY_MS = 86_400_000;

/** Workflow-time milliseconds that `days` policy days last. */
export function policyDaysToMs(days: number, scale: number): number {
  return (days * DAY_MS) / scale;
}

/** The policy date at workflow time `nowMs`, for a case opened at `openedMs` (identical when scale is 1). */
export function policyDateAt(openedMs: number, nowMs: number, scale: number): Date {
  return new Date(openedMs + (nowMs - openedMs) * scale);
}

/** ISO policy date `days` policy days after the policy date `fromIso`. */
export function addPolicyDays(fromIso: string, days: number): string {
  return new Date(Date.parse(fromIso) + days * DAY_MS).toISOString();
}

/** ISO policy date `years` calendar years after `fromIso`. */
export function addPolicyYears(fromIso: string, years: number): string {
  const date = new Date(fromIso);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}

/** Policy dates are read in Chongqing time (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar year of a policy date in Chongqing. */
export function chinaYear(iso: string): number {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The instant a calendar day ends in Chongqing (i.e. the next day's 00:00 +08:00), as an ISO string. */
export function endOfChinaDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day + 1) - CHINA_OFFSET_MS).toISOString();
}

/** 1 January 00:00 in Chongqing of the year after the policy date `iso`: the next reporting-year boundary. */
export function nextChinaYearStart(iso: string): string {
  return new Date(Date.UTC(chinaYear(iso) + 1, 0, 1) - CHINA_OFFSET_MS).toISOString();
}

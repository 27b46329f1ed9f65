import type { CaseSnapshot } from '../../../workflows/definitions/case';
import { DEFAULT_POLICY } from '../../../workflows/definitions/policy';
import type { Context } from '../../../workflows/lifecycle/outcome';
import { installedCalendar } from '../workflows/holiday-calendar';
import { municipal, pureCase } from './pure-case';

/** The days the evaluation and refund tests act on: designation, evaluation (revocation), the refund's first days. */
export const MAY_10 = '2026-05-10T02:00:00.000Z';
export const FEB_10 = '2027-02-10T02:00:00.000Z';
export const MAR_1 = '2027-03-01T02:00:00.000Z';

const calendar = installedCalendar();
/** The pure lifecycle's context at `now`, on the installed holiday calendar and the default policy. */
export const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
export const { act, refusal, designatedAt, paidIn2026, revokedIn2027 } = pureCase(ctx);

/** A municipal officer's §5.3 evaluation with `outcome`, its findings written, and any other fields. */
export const evaluation = (outcome: string, extra: object = {}) => ({
  actor: municipal,
  outcome,
  findings: '运营良好',
  ...extra,
});

/** The failure (type and details) an action is refused with, at `now` (10 February 2027 unless said). */
export const refusalDetails = (state: CaseSnapshot, update: { name: string }, request: object, now = FEB_10) =>
  refusal(state, update, request, now) as unknown as { type: string; details: unknown[] };

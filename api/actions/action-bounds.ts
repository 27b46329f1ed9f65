import { checkContext } from '../common/validation-texts';

/** The bounds the officer actions' bodies share: they bound the body, not the policy. */
export const TEXT = 2000;
export const LONG_TEXT = 10_000;
/** An upper bound on any amount of CNY, far above any subsidy or revenue, so absurd input is refused early. */
export const MAX_CNY = 1_000_000_000_000;
/** Names the policy rule in the 422 `details` when this check fails. */
export const rule = (id: string) => checkContext({ rule: id });
/** The example of a treasury or bank reference. */
export const REFERENCE = { example: 'CQ-TREASURY-2026-000123' };

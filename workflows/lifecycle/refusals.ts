import type { ApplicationFailure } from '@temporalio/workflow';
import type { MessageCode } from '../../i18n/catalogue';
import { invalidInput } from '../definitions/failures';
import type { MessageParams } from '../definitions/message-ref';

/** The text of a refusal: a code under `rules.refusals` (a code the catalogues lack does not compile). */
export type RefusalCode = Extract<MessageCode, `rules.refusals.${string}`>;

/**
 * The `InvalidInput` failure (→ 422) refusing `field` under `rule` (a policy rule id or clause, e.g. `R-SUB-1` or
 * `§5.1`), its text the catalogues' `code` with `params`.
 */
export const refuse = (field: string, rule: string, code: RefusalCode, params?: MessageParams): ApplicationFailure =>
  invalidInput(field, code, params, rule);

import type { TFunction } from 'i18next';
import type { MessageCode } from '../../../i18n/catalogue';
import type { MessageRef } from '../../../workflows/definitions/message-ref';

/**
 * The text of a {@link MessageRef} the console computed with the workflow's own pure functions (e.g. a deficiency of
 * `checkEligibility`), in the officer's language: its code is a catalogue key, checked where the workflow emits it.
 */
export const messageText = (t: TFunction, ref: MessageRef): string =>
  t(ref.code as MessageCode, (ref.params ?? {}) as Record<string, unknown>);

import type { MessageCode } from '../../i18n/catalogue';
import type { MessageParams, MessageRef } from '../../workflows/definitions/message-ref';

/**
 * A person-facing text inside an answer, still as a code and parameters: the answer is written in the reader's
 * language when it is sent (`answerInReadersLanguage`). Services and stored idempotent answers hold these, so a
 * replay answers in the language of the request that replays it. On the wire it is a string.
 */
export interface LocalizedText {
  $text: MessageRef;
}

/** A catalogue text for an answer (`text('errors.notFound', { what })`). */
export const text = (code: MessageCode, params?: MessageParams): LocalizedText => ({
  $text: params ? { code, params } : { code },
});

/**
 * A text the workflow emitted as a code (deficiencies, flags, refusals, notices); `fallback` is the English sentence
 * that snapshots written before codes carry instead.
 */
export const textOf = (ref: Partial<MessageRef> | undefined, fallback = ''): LocalizedText | string =>
  ref?.code ? text(ref.code as MessageCode, ref.params) : fallback;

export const isLocalizedText = (value: unknown): value is LocalizedText =>
  typeof value === 'object' &&
  value !== null &&
  '$text' in value &&
  typeof (value as LocalizedText).$text?.code === 'string';

/**
 * A text meant for a person, as the workflow and the API emit it: a catalogue key and its parameters, never a
 * sentence. The reader's language is chosen where the text is read (the API's answer, the notice email), from the
 * catalogues in `i18n/`.
 */
export interface MessageRef {
  code: string;
  params?: MessageParams;
}

/**
 * JSON-safe parameters; a formatter named in the catalogue (`{{dueAt, day}}`) renders dates, amounts and lists, and a
 * parameter that is itself a {@link MessageRef} is rendered first, in the same language.
 */
export type MessageParams = { [name: string]: string | number | string[] | MessageRef };

/** The languages every person-facing text exists in: zh-CN first (the default), en. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A {@link MessageRef}, with `params` only when there are some (keeps snapshots small). */
export function messageRef(code: string, params?: MessageParams): MessageRef {
  return params && Object.keys(params).length > 0 ? { code, params } : { code };
}

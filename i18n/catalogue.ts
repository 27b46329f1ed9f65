import type { Locale } from '../workflows/definitions/message-ref';
import { en } from './catalogues/en';
import { zhCN } from './catalogues/zh-CN';

/** One catalogue per language, keyed by message code (`errors.notFound`). */
export const CATALOGUES: Record<Locale, typeof zhCN> = { 'zh-CN': zhCN, en };

type Leaves<T, Prefix extends string = ''> = {
  [Key in keyof T & string]: T[Key] extends string ? `${Prefix}${Key}` : Leaves<T[Key], `${Prefix}${Key}.`>;
}[keyof T & string];

/** Every message code: a key of the catalogues; a typo does not compile where the code is written as this type. */
export type MessageCode = Leaves<typeof zhCN>;

/**
 * The text at a catalogue path (`rules.serviceFunctions.social_security`) in `locale`, or undefined when the path
 * names no text: how a code built at run time (a constraint's, an action's name) is checked before it is used.
 */
export function catalogueText(locale: Locale, path: string): string | undefined {
  const found = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], CATALOGUES[locale]);
  return typeof found === 'string' ? found : undefined;
}

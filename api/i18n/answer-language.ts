import type { NextFunction, Request, Response } from 'express';
import { negotiateLocale } from '../../i18n/negotiate';
import { translator } from '../../i18n/translator';
import type { Locale } from '../../workflows/definitions/message-ref';
import { isLocalizedText } from './localized-text';

export type RequestWithLocale = Request & { locale?: Locale };

/** Replaces every {@link LocalizedText} in an answer by its text in `locale` (a copy; the input is not touched). */
export function renderTexts(value: unknown, locale: Locale): unknown {
  if (isLocalizedText(value)) return translator.translate(value.$text, locale);
  if (Array.isArray(value)) return value.map((item) => renderTexts(item, locale));
  // Plain objects and DTO instances alike; what serialises itself (a Date) is left to JSON.
  if (value && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderTexts(item, locale)]));
  }
  return value;
}

/**
 * First middleware (api-contract "Language"): negotiates the reader's language from `Accept-Language`, states it in
 * `Content-Language`, and writes every JSON answer — successes, errors, idempotent replays — in it.
 */
export function answerInReadersLanguage(request: RequestWithLocale, response: Response, next: NextFunction): void {
  const locale = negotiateLocale(request.header('accept-language'));
  request.locale = locale;
  response.setHeader('Content-Language', locale);
  response.vary('Accept-Language');
  const json = response.json.bind(response);
  response.json = (body?: unknown) => json(renderTexts(body, locale));
  next();
}

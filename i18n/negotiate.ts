import { DEFAULT_LOCALE, type Locale } from '../workflows/definitions/message-ref';

/**
 * The answer's language from an `Accept-Language` header (api-contract "Language"): `en` and `en-*` are English,
 * `zh`, `zh-*` and `*` Chinese; among those, the highest q-value wins (ties: the first named) and `q=0` refuses
 * one. Other languages are passed over; no header, or none that we speak: zh-CN.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | undefined;
  for (const range of header.split(',')) {
    const [tag, ...parameters] = range.trim().split(';');
    const quality = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = quality ? Number(quality.slice(2)) : 1;
    if (!tag || !Number.isFinite(q) || q <= 0) continue;
    const locale = localeOfTag(tag.trim().toLowerCase());
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

function localeOfTag(tag: string): Locale | undefined {
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag.startsWith('zh-') || tag === '*') return 'zh-CN';
  return undefined;
}

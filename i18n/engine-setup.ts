import type { i18n, InitOptions } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../workflows/definitions/message-ref';
import { CATALOGUES } from './catalogue';
import { FORMATTERS } from './formatters';

/**
 * How every reader of the catalogues sets up i18next — the API's translator and the officers' console alike — so
 * a text renders the same in an answer and on a page: both languages' catalogues as one namespace, no fallback
 * language (a missing key shows as itself), no HTML escaping (React and the JSON answers escape on their own).
 * Type-only imports of i18next: each reader brings its own copy (the console bundles one of its own).
 */
export function catalogueOptions(lng: Locale = DEFAULT_LOCALE): InitOptions {
  return {
    initAsync: false,
    lng,
    supportedLngs: [...LOCALES],
    fallbackLng: false,
    resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: CATALOGUES[locale] }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as InitOptions;
}

/** Registers the catalogues' formatters (`{{dueAt, day}}`, `{{amount, cny}}`, …) on an initialised engine. */
export function addCatalogueFormatters(engine: i18n): void {
  for (const [name, format] of Object.entries(FORMATTERS)) {
    engine.services.formatter?.add(name, (value, lng, options) =>
      format(value, (lng as Locale) ?? DEFAULT_LOCALE, options as Record<string, string>),
    );
  }
}

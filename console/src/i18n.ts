import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { addCatalogueFormatters, catalogueOptions } from '../../i18n/engine-setup';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../workflows/definitions/message-ref';

/** Where the officer's choice of language is kept between visits. */
const LOCALE_KEY = 'parkflow.locale';

function storedLocale(): Locale {
  const stored = localStorage.getItem(LOCALE_KEY);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : DEFAULT_LOCALE;
}

/**
 * The console's i18next: the API's own catalogues (`i18n/catalogues`, the `console` namespace for its own texts) and
 * formatters, set up as the API's translator sets them up, so a date or an amount reads the same on a page and in an
 * answer. zh-CN unless the officer chose English.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init(catalogueOptions(storedLocale()));
addCatalogueFormatters(i18n);
document.documentElement.lang = i18n.language;

/** The language the console is shown in now. */
export const currentLocale = (): Locale => i18n.language as Locale;

/** Switches the console's language (and the API's answers, through Accept-Language) and remembers the choice. */
export async function switchLocale(locale: Locale): Promise<void> {
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

import { civilDateOf, dueDateOf, isCivilDate, isEndOfDay, partsOf } from '../workflows/definitions/civil-date';
import type { Locale } from '../workflows/definitions/message-ref';
import { catalogueText } from './catalogue';

/**
 * The formatters the catalogues name in a parameter (`{{dueAt, day}}`). Dates are Chongqing days (R-CAL-1):
 * zh-CN `2027年3月31日`, en `31 March 2027`; amounts are whole CNY: zh-CN `1,000,000元`, en `CNY 1,000,000`.
 */
export type Formatter = (value: unknown, locale: Locale, options: Record<string, string>) => string;

/** The Chongqing day a date parameter names: a civil day as given, a deadline instant (D 24:00) as D. */
export function chongqingDay(value: unknown): string {
  const text = String(value);
  if (isCivilDate(text)) return text;
  return isEndOfDay(text) ? dueDateOf(text) : civilDateOf(text);
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const day: Formatter = (value, locale) => {
  if (value === undefined || value === null || value === '') return '';
  const { year, month, day: dayOfMonth } = partsOf(chongqingDay(value));
  return locale === 'zh-CN' ? `${year}年${month}月${dayOfMonth}日` : `${dayOfMonth} ${EN_MONTHS[month - 1]} ${year}`;
};

const grouped = (value: unknown): string => new Intl.NumberFormat('en-US').format(Number(value));

const cny: Formatter = (value, locale) => (locale === 'zh-CN' ? `${grouped(value)}元` : `CNY ${grouped(value)}`);

const list: Formatter = (value, locale) => {
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  return locale === 'zh-CN' ? items.join('、') : items.join(', ');
};

/**
 * Codes named by their catalogue terms and listed as `list` does: `{{missing, terms(prefix: rules.serviceFunctions)}}`
 * renders `['social_security']` as `社会保障` / `social security` (an unknown code as itself).
 */
const terms: Formatter = (value, locale, options) => {
  const codes = Array.isArray(value) ? value.map(String) : [String(value)];
  return list(
    codes.map((code) => catalogueText(locale, `${options.prefix}.${code}`) ?? code),
    locale,
    options,
  );
};

export const FORMATTERS: Record<string, Formatter> = { day, cny, list, terms, number: (value) => grouped(value) };

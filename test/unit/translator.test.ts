import { FORMATTERS } from '../../i18n/formatters';
import { negotiateLocale } from '../../i18n/negotiate';
import { translator } from '../../i18n/translator';
import { renderTexts } from '../../api/i18n/answer-language';
import { text } from '../../api/i18n/localized-text';

describe('Accept-Language negotiation (api-contract "Language")', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr', 'zh-CN'],
    ['fr, en;q=0.5', 'en'],
    ['zh;q=0.4, en;q=0.8', 'en'],
    ['en;q=0.4, zh;q=0.8', 'zh-CN'],
    ['en;q=0, zh-CN', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['en;q=0.5, *;q=0.9', 'zh-CN'],
    ['en, zh', 'en'],
    ['en;q=abc', 'zh-CN'],
  ])('%p → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('the translator', () => {
  it('renders a nested text in the same language', () => {
    const ref = {
      code: 'errors.notFound',
      params: { what: { code: 'errors.things.case', params: { caseId: 'c-1' } } },
    };
    expect(translator.translate(ref, 'zh-CN')).toBe('未找到案件 c-1');
    expect(translator.translate(ref, 'en')).toBe('case c-1 was not found');
  });

  it('renders every text of an answer and leaves machine fields alone', () => {
    const answer = {
      error: 'not_found',
      message: text('errors.internal'),
      details: [{ field: 'x', message: text('errors.internal') }],
    };
    expect(renderTexts(answer, 'en')).toEqual({
      error: 'not_found',
      message: 'an unexpected error occurred; it has been logged',
      details: [{ field: 'x', message: 'an unexpected error occurred; it has been logged' }],
    });
    expect(answer.message).toEqual(text('errors.internal'));
  });
});

describe('the formatters the catalogues use (R-CAL-1 dates, whole-CNY amounts)', () => {
  it.each([
    ['2027-03-31', '2027年3月31日', '31 March 2027'],
    ['2027-03-31T16:00:00.000Z', '2027年3月31日', '31 March 2027'], // D 24:00 Chongqing is day D
    ['2027-03-31T17:00:00.000Z', '2027年4月1日', '1 April 2027'], // 1 April 01:00 Chongqing
  ])('a day %s reads %s / %s', (value, zh, en) => {
    expect(FORMATTERS.day(value, 'zh-CN', {})).toBe(zh);
    expect(FORMATTERS.day(value, 'en', {})).toBe(en);
  });

  it('amounts are grouped whole yuan', () => {
    expect(FORMATTERS.cny(1_000_000, 'zh-CN', {})).toBe('1,000,000元');
    expect(FORMATTERS.cny(1_000_000, 'en', {})).toBe('CNY 1,000,000');
  });

  it('lists are joined the way each language writes them', () => {
    expect(FORMATTERS.list(['2026', '2027'], 'zh-CN', {})).toBe('2026、2027');
    expect(FORMATTERS.list(['2026', '2027'], 'en', {})).toBe('2026, 2027');
  });
});

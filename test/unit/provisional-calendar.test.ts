import { calendarDays } from '../../api/calendar/calendar-days';
import { workCalendarOf } from '../../persistence/reference/holiday-arrangements';
import { lawFixedHolidays } from '../../persistence/reference/law-fixed-holidays';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { CaseCalendar, HolidayArrangement } from '../../workflows/definitions/work-calendar';
import { deadlinesOf } from '../../workflows/lifecycle/deadlines';
import type { Context } from '../../workflows/lifecycle/outcome';
import { recalendar } from '../../workflows/lifecycle/recalendar';
import { pureCase } from '../support/life/pure-case';

// R-CAL-3: a year whose arrangement is not published rests on the holidays the law itself fixes, provisionally.
const provisional: CaseCalendar = { ...workCalendarOf([], 2026, 2028), floors: {} };
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar: provisional });
const { designatedAt } = pureCase(ctx);

const arrangement2027 = (restDays: string[], workdays: string[] = []): HolidayArrangement => ({
  year: 2027,
  source: '国办发明电〔2026〕…号',
  restDays: Object.fromEntries(restDays.map((d) => [d, '国庆节'])),
  workdays: Object.fromEntries(workdays.map((d) => [d, '国庆节调休'])),
});

describe('R-CAL-3 provisional calendar: the law-fixed holidays of a year without an arrangement', () => {
  it('R-CAL-3 2027: 元旦, 春节 (eve to the 3rd day), 清明, 劳动节, 端午, 中秋, 国庆, weekend ones made up', () => {
    expect(lawFixedHolidays(2027)).toEqual({
      '2027-01-01': '元旦',
      '2027-02-05': '春节',
      '2027-02-06': '春节',
      '2027-02-07': '春节',
      '2027-02-08': '春节',
      '2027-02-09': '春节补休', // for Saturday 6 February
      '2027-02-10': '春节补休', // for Sunday 7 February
      '2027-04-05': '清明节',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-05-03': '劳动节补休',
      '2027-05-04': '劳动节补休',
      '2027-06-09': '端午节',
      '2027-09-15': '中秋节',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
      '2027-10-04': '国庆节补休',
      '2027-10-05': '国庆节补休',
    });
  });

  it('R-CAL-3 the calendar rests on them in years without an arrangement, and names those years unpublished', () => {
    expect(provisional.years).toEqual([2026]);
    expect(provisional.restDays['2027-10-01']).toBe('国庆节');
    expect(provisional.restDays['2028-01-26']).toBe('春节'); // lunar New Year 2028
    expect(provisional.restDays['2026-10-08']).toBeUndefined(); // 2026 is published: its own arrangement
    expect(workCalendarOf([], 2026).restDays['2027-10-01']).toBeUndefined(); // up to the last published year
    // A day two holidays share rests once, under both names (2028: 中秋 on 3 October).
    expect(provisional.restDays['2028-10-03']).toBe('中秋节、国庆节');
  });

  it('R-CAL-3 a deadline in such a year moves off them and is provisional; one in a published year is not', () => {
    // Designated 17 September 2027: 14 days end on Friday 1 October.
    const state = designatedAt('2027-09-17T02:00:00.000Z');
    expect(state.deadlines.find((d) => d.kind === 'payment_confirmation')).toEqual({
      kind: 'payment_confirmation',
      dueAt: '2027-10-06T16:00:00.000Z',
      dueDate: '2027-10-06',
      shiftedFrom: '2027-10-01',
      reason: '国庆节',
      provisional: true,
      calendarVersion: provisional.version,
    });
    const published = designatedAt('2026-09-17T02:00:00.000Z');
    expect(published.deadlines.find((d) => d.kind === 'payment_confirmation')).not.toHaveProperty('provisional');
  });

  it('R-CAL-3 an imported arrangement replaces the provisional days; the deadline moves, no longer provisional', () => {
    const state = designatedAt('2027-09-17T02:00:00.000Z');
    const now = '2027-09-20T02:00:00.000Z';
    const loaded = workCalendarOf(
      [arrangement2027(['01', '02', '03', '04', '05', '06', '07'].map((d) => `2027-10-${d}`))],
      2026,
      2028,
    );
    expect(loaded.restDays['2027-02-09']).toBeUndefined(); // the provisional make-up days are gone with the import
    const { calendar, moved } = recalendar(state, ctx(now), loaded, {});
    expect(moved).toEqual([{ kind: 'payment_confirmation', from: '2027-10-06', to: '2027-10-08' }]);
    const payment = deadlinesOf(state, { ...ctx(now), calendar }).find((d) => d.kind === 'payment_confirmation');
    expect(payment).toMatchObject({ dueDate: '2027-10-08', shiftedFrom: '2027-10-01', reason: '国庆节' });
    expect(payment).not.toHaveProperty('provisional');
  });

  it('R-CAL-3 an arrangement with a shorter holiday never brings a provisional deadline forward', () => {
    const state = designatedAt('2027-09-17T02:00:00.000Z');
    const now = '2027-09-20T02:00:00.000Z';
    const loaded = workCalendarOf([arrangement2027(['2027-10-01', '2027-10-02', '2027-10-03'])], 2026, 2028);
    const { calendar, moved } = recalendar(state, ctx(now), loaded, {});
    expect(moved).toEqual([]);
    expect(deadlinesOf(state, { ...ctx(now), calendar })).toContainEqual(
      expect.objectContaining({ kind: 'payment_confirmation', dueDate: '2027-10-06' }),
    );
  });

  it('R-CAL-3 GET /v1/calendar lists the provisional days, marked provisional', () => {
    const { days, provisionalYears } = calendarDays(provisional, '2027-09-30', '2027-10-06');
    expect(provisionalYears).toEqual([2027]);
    expect(days).toEqual(
      ['01', '02', '03']
        .map((d) => ({ date: `2027-10-${d}`, kind: 'rest', reason: '国庆节', provisional: true }))
        .concat(
          ['04', '05'].map((d) => ({ date: `2027-10-${d}`, kind: 'rest', reason: '国庆节补休', provisional: true })),
        ),
    );
  });
});

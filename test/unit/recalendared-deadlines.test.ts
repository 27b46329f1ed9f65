import { workCalendarOf } from '../../persistence/reference/holiday-arrangements';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { HolidayArrangement } from '../../workflows/definitions/work-calendar';
import { deadlinesOf } from '../../workflows/lifecycle/deadlines';
import type { Context } from '../../workflows/lifecycle/outcome';
import { recalendar } from '../../workflows/lifecycle/recalendar';
import { activeSeries } from '../../workflows/lifecycle/schedule';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { municipal, pureCase } from '../support/life/pure-case';

// R-CAL-3 after a newer arrangement: what the case view shows and what the timers do agree.
const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, designatedAt } = pureCase(ctx);

const arrangement = (year: number, days: Partial<HolidayArrangement>): HolidayArrangement => ({
  year,
  source: '国办发明电〔…〕…号',
  restDays: {},
  workdays: {},
  ...days,
});

const nationalDay2027 = arrangement(2027, {
  restDays: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`2027-10-0${d}`, '国庆节'])),
  workdays: { '2027-10-09': '国庆节调休' },
});

describe('R-CAL-3 deadlines a newer arrangement moved', () => {
  it('R-CAL-3 a rectifyBy moved by a new arrangement: the passed notice fires after the moved day, not the old', () => {
    const state = designatedAt('2027-05-10T02:00:00.000Z');
    const now = '2027-06-01T02:00:00.000Z';
    // Wednesday 6 October 2027 is a working day while 2027 has no arrangement (国庆 1–3, made up 4–5 October); the
    // arrangement makes it 国庆节.
    act(
      state,
      m.evaluationUpdate,
      { actor: municipal, outcome: 'rectify', findings: '整改', rectifyBy: '2027-10-06' },
      now,
    );
    const loaded = workCalendarOf([nationalDay2027], 2026);
    const { calendar: next } = recalendar(state, ctx(now), loaded, {});
    const after = { ...ctx(now), calendar: next };
    expect(deadlinesOf(state, after)).toContainEqual(
      expect.objectContaining({ kind: 'rectification', dueDate: '2027-10-08', shiftedFrom: '2027-10-06' }),
    );
    const passed = activeSeries(state, after).find((s) => s.key.startsWith('rectification:'))!;
    // The moved deadline ends Friday 8 October, 24:00; Saturday 9 October is a make-up working day.
    expect(passed.at(0)).toBe('2027-10-09T01:00:00.000Z');
    expect(passed.notices(0, passed.at(0)!)[0].dueAt).toBe('2027-10-08T16:00:00.000Z');
  });

  it('R-CAL-3 a deadline the floor keeps later than the new arrangement puts it still says why it moved', () => {
    // Designated May 2028: the 2028 report is due Saturday 31 March 2029, announced for Monday 2 April.
    const state = designatedAt('2028-05-10T02:00:00.000Z');
    const now = '2029-01-10T02:00:00.000Z';
    const loaded = workCalendarOf([arrangement(2029, { workdays: { '2029-03-31': '清明调休' } })], 2027);
    const { calendar: next } = recalendar(state, ctx(now), loaded, calendar.floors);
    const report = deadlinesOf(state, { ...ctx(now), calendar: next }).find((d) => d.kind === 'annual_report')!;
    expect(report).toMatchObject({ dueDate: '2029-04-02', shiftedFrom: '2029-03-31' });
    expect(report.reason).toEqual(expect.any(String));
  });
});

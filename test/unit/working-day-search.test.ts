/**
 * R-CAL-3: how far a day moves to a working day. No holiday arrangement rests longer than 31 days in a row, so a
 * deadline moves at most 31 days; calendar data with a longer run of rest days is wrong, and is refused rather than
 * turned into a deadline months away.
 */
import { addDays } from '../../workflows/definitions/civil-date';
import type { WorkCalendar } from '../../workflows/definitions/work-calendar';
import { firstWorkingDayOfWeek, workingDayOnOrAfter } from '../../workflows/lifecycle/working-days';

/** A calendar whose `days` rest days in a row start on Tuesday 1 January 2030 (then ordinary weeks). */
function restingFor(days: number): WorkCalendar {
  const restDays = Object.fromEntries(Array.from({ length: days }, (_, i) => [addDays('2030-01-01', i), '测试假期']));
  return { version: 'test', years: [2030], restDays, workdays: {} };
}

describe('R-CAL-3: a day moves at most 31 days to a working day', () => {
  it('R-CAL-3: after 31 rest days in a row, the 32nd day (Friday 1 February 2030) is the working day', () => {
    expect(workingDayOnOrAfter(restingFor(31), '2030-01-01')).toBe('2030-02-01');
  });

  it('R-CAL-3: 32 rest days in a row are wrong calendar data: refused, naming the limit and the day', () => {
    expect(() => workingDayOnOrAfter(restingFor(32), '2030-01-01')).toThrow(
      new RangeError('no working day within 31 days of 2030-01-01: the calendar data is wrong'),
    );
  });
});

describe("R-RPT-6: an overdue notice goes out on the calendar week's first working day", () => {
  /** Monday 7 January 2030 to Sunday 13 January 2030 all rest; the week after is an ordinary one. */
  const restingWeek: WorkCalendar = {
    version: 'test',
    years: [2030],
    restDays: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [addDays('2030-01-07', i), '测试假期'])),
    workdays: {},
  };

  it('R-RPT-6: a week resting Monday to Sunday has no first working day (not the next Monday)', () => {
    expect(firstWorkingDayOfWeek(restingWeek, '2030-01-07')).toBeUndefined();
  });

  it('R-RPT-6: the week before and the week after have theirs on Monday', () => {
    expect(firstWorkingDayOfWeek(restingWeek, '2029-12-31')).toBe('2029-12-31');
    expect(firstWorkingDayOfWeek(restingWeek, '2030-01-14')).toBe('2030-01-14');
  });
});

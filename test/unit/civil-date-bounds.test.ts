/**
 * R-CAL-1 / R-CAL-2 at their bounds: which texts are civil dates (the first and last month and day, nothing before
 * or after `YYYY-MM-DD`), what a malformed date is refused with, which instants are the end of a Chongqing day
 * (notices print those as 24:00), and 29 February moved into a century year that is not a leap year.
 */
import { addYears, endOfDay, isCivilDate, isEndOfDay } from '../../workflows/definitions/civil-date';

describe('civil dates at their bounds (R-CAL-1, R-CAL-2)', () => {
  it('R-CAL-1: the first and last day of the year and of a month are civil dates; day 0 and month 0 are not', () => {
    expect(['2027-01-01', '2027-12-31', '2027-04-30'].filter(isCivilDate)).toHaveLength(3);
    expect(['2027-00-10', '2027-06-00', '2027-04-31', '2027-12-32'].filter(isCivilDate)).toEqual([]);
  });

  it('R-CAL-1: nothing may come before or after YYYY-MM-DD', () => {
    expect(['x2027-06-30', '12027-06-30', '2027-06-30 ', '2027-06-301'].filter(isCivilDate)).toEqual([]);
  });

  it('R-CAL-1: a malformed date is refused with a RangeError quoting it and the expected form', () => {
    expect(() => endOfDay('30/06/2027')).toThrow(new RangeError('not a civil date (YYYY-MM-DD): 30/06/2027'));
  });

  it('R-CAL-1: only D 16:00:00.000 UTC (D 24:00 Chongqing) is the end of a day, not a millisecond either side', () => {
    expect(isEndOfDay('2027-06-30T16:00:00.000Z')).toBe(true);
    expect(isEndOfDay('2027-06-30T15:59:59.999Z')).toBe(false);
    expect(isEndOfDay('2027-06-30T16:00:00.001Z')).toBe(false);
  });

  it('R-CAL-2: 29 February 2096 + 4 years is 28 February 2100 (a century year that is not a leap year)', () => {
    expect(addYears('2096-02-29', 4)).toBe('2100-02-28');
    expect(addYears('2096-02-29', 104)).toBe('2200-02-28');
  });
});

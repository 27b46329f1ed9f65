import { workCalendarOf } from '../../persistence/reference/holiday-arrangements';
import { calendarDays, isSpanTooLong } from '../../api/calendar/calendar-days';
import { addDays } from '../../workflows/definitions/civil-date';
import type { HolidayArrangement } from '../../workflows/definitions/work-calendar';
import { isWorkingDay } from '../../workflows/lifecycle/working-days';
import { installedCalendar } from '../support/workflows/holiday-calendar';

// GET /v1/calendar's days (R-CAL-3), on the State Council's arrangements as the installed data holds them.
const calendar = installedCalendar();
const rest = (date: string, reason: string) => ({ date, kind: 'rest', reason, provisional: false });
const working = (date: string, reason: string) => ({ date, kind: 'working', reason, provisional: false });

describe('R-CAL-3 the days a date picker needs', () => {
  it('R-CAL-3 lists the holidays of the 2026 arrangement, their weekend days too, and the make-up working days', () => {
    const national = ['01', '02', '03', '04', '05', '06', '07'].map((day) => rest(`2026-10-${day}`, '国庆节'));
    expect(calendarDays(calendar, '2026-09-15', '2026-10-15')).toEqual({
      days: [
        working('2026-09-20', '国庆节调休'), // a Sunday worked
        rest('2026-09-25', '中秋'),
        rest('2026-09-26', '中秋'),
        rest('2026-09-27', '中秋'),
        ...national,
        working('2026-10-10', '国庆节调休'), // a Saturday worked
      ],
      provisionalYears: [],
    });
  });

  it('R-CAL-3 from and to are both inclusive; a range without a holiday lists nothing', () => {
    expect(calendarDays(calendar, '2026-10-07', '2026-10-10').days.map((day) => day.date)).toEqual([
      '2026-10-07',
      '2026-10-10',
    ]);
    expect(calendarDays(calendar, '2026-11-01', '2026-11-30')).toEqual({ days: [], provisionalYears: [] });
  });

  it('R-CAL-3 a picker reading the answer (weekends rest unless listed working) agrees with the case workflow', () => {
    const from = '2026-01-01';
    const { days } = calendarDays(calendar, from, '2026-12-31');
    const listed = new Map(days.map((day) => [day.date, day.kind]));
    for (let date = from; date <= '2026-12-31'; date = addDays(date, 1)) {
      const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      const pickerSaysWorking = listed.has(date) ? listed.get(date) === 'working' : !weekend;
      expect({ date, working: pickerSaysWorking }).toEqual({ date, working: isWorkingDay(calendar, date) });
    }
  });

  it('R-CAL-3 a year whose arrangement is not published lists its law-fixed holidays, provisional', () => {
    expect(calendar.years).not.toContain(2030);
    const provisional = (date: string, reason: string) => ({ ...rest(date, reason), provisional: true });
    expect(calendarDays(calendar, '2030-09-28', '2030-10-06')).toEqual({
      days: ['01', '02', '03'].map((day) => provisional(`2030-10-${day}`, '国庆节')),
      provisionalYears: [2030],
    });
  });

  it('R-CAL-3 an imported arrangement for that year lists its days, no longer provisional', () => {
    const imported: HolidayArrangement = {
      year: 2030,
      source: '国办发明电〔2029〕7号',
      restDays: { '2030-10-01': '国庆节', '2030-10-02': '国庆节' },
      workdays: { '2030-09-29': '国庆节调休' },
    };
    const withImport = workCalendarOf([imported], 2030);
    expect(calendarDays(withImport, '2030-09-01', '2030-10-31')).toEqual({
      days: [working('2030-09-29', '国庆节调休'), rest('2030-10-01', '国庆节'), rest('2030-10-02', '国庆节')],
      provisionalYears: [],
    });
  });

  it('R-CAL-3 one answer covers at most 366 days after from: any whole year, leap or not', () => {
    expect(isSpanTooLong('2026-01-01', '2026-12-31')).toBe(false);
    expect(isSpanTooLong('2026-01-01', '2027-01-02')).toBe(false);
    expect(isSpanTooLong('2026-01-01', '2027-01-03')).toBe(true);
    expect(isSpanTooLong('2028-01-01', '2028-12-31')).toBe(false); // 2028 is a leap year
    expect(isSpanTooLong('2028-01-01', '2029-01-02')).toBe(true);
    expect(isSpanTooLong('0050-01-01', '1949-01-01')).toBe(true); // no year taken for 1900 + year
  });
});

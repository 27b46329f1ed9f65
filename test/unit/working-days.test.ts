import { endOfDay } from '../../workflows/definitions/civil-date';
import type { CaseCalendar } from '../../workflows/definitions/work-calendar';
import {
  deadlineFor,
  isWorkingDay,
  nextWorkingDay,
  noticeFrom,
  reminderAt,
  restReason,
} from '../../workflows/lifecycle/working-days';
import { installedCalendar } from '../support/workflows/holiday-calendar';

// R-CAL-3 on the State Council's published arrangements (国办发明电), as the installed data holds them.
const calendar = installedCalendar();
const at9 = (day: string): string => `${day}T01:00:00.000Z`; // 09:00 Chongqing

describe('R-CAL-3 working days: the 2025 and 2026 arrangements', () => {
  it('R-CAL-3 the Spring Festival and National Day are rest days, named; make-up days (调休) are working days', () => {
    expect([restReason(calendar, '2025-01-28'), restReason(calendar, '2025-02-04')]).toEqual(['春节', '春节']);
    expect([restReason(calendar, '2025-10-01'), restReason(calendar, '2025-10-08')]).toEqual(['国庆节', '国庆节']);
    expect([restReason(calendar, '2026-02-15'), restReason(calendar, '2026-02-23')]).toEqual(['春节', '春节']);
    expect([restReason(calendar, '2026-10-01'), restReason(calendar, '2026-10-07')]).toEqual(['国庆节', '国庆节']);
    // 调休上班: Sunday 26 January 2025, Saturday 14 and 28 February 2026, Saturday 10 October 2026.
    for (const day of ['2025-01-26', '2025-02-08', '2026-02-14', '2026-02-28', '2026-10-10'])
      expect(isWorkingDay(calendar, day)).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-08')).toBe(true);
    expect(restReason(calendar, '2026-03-28')).toBe('周六');
    expect(restReason(calendar, '2026-03-29')).toBe('周日');
  });

  it('R-CAL-3 a year whose arrangement is not published: weekends and the law-fixed holidays rest', () => {
    expect(calendar.years).not.toContain(2030);
    expect(restReason(calendar, '2030-10-01')).toBe('国庆节'); // a Tuesday, no arrangement yet
    expect(isWorkingDay(calendar, '2030-10-04')).toBe(true); // no bridging without an arrangement
    expect(restReason(calendar, '2030-10-05')).toBe('周六');
  });

  it('R-CAL-3 nextWorkingDay skips a whole holiday', () => {
    expect(nextWorkingDay(calendar, '2026-10-03')).toBe('2026-10-08');
    expect(nextWorkingDay(calendar, '2026-02-13')).toBe('2026-02-14'); // the make-up Saturday
  });
});

describe('R-CAL-3 deadlines move to the first working day after a rest day (Civil Code art. 203)', () => {
  it.each([
    ['a period ending on National Day 2026', '2026-10-01', '2026-10-08', '国庆节'],
    ['a period ending inside the 2025 National Day holiday', '2025-10-03', '2025-10-09', '国庆节'],
    ['a period ending on the first day of the 2026 Spring Festival', '2026-02-15', '2026-02-24', '春节'],
    ['a period ending on an ordinary Saturday', '2026-03-28', '2026-03-30', '周六'],
    ['31 March on a Sunday (2024)', '2024-03-31', '2024-04-01', '周日'],
    ['31 March on a Saturday in a year not yet published (2029)', '2029-03-31', '2029-04-02', '周六'],
  ])('R-CAL-3 %s', (_name, nominal, moved, reason) => {
    expect(deadlineFor(calendar, endOfDay(nominal))).toEqual({
      dueAt: endOfDay(moved),
      dueDate: moved,
      shiftedFrom: nominal,
      reason,
      ...(nominal.startsWith('2029') ? { provisional: true } : {}), // a year without a published arrangement
    });
  });

  it('R-CAL-3 a deadline on a working day, a make-up Saturday included, stays where it is', () => {
    for (const day of ['2026-03-31', '2026-02-28', '2025-01-26'])
      expect(deadlineFor(calendar, endOfDay(day))).toEqual({ dueAt: endOfDay(day), dueDate: day });
  });

  it('R-CAL-3 never earlier than announced: a floor keeps the day a newer arrangement would bring forward', () => {
    const floored: CaseCalendar = { ...calendar, floors: { '2026-03-28': '2026-03-31' } };
    expect(deadlineFor(floored, endOfDay('2026-03-28'))).toMatchObject({
      dueDate: '2026-03-31',
      shiftedFrom: '2026-03-28',
    });
  });
});

describe('R-CAL-3 reminders and notices at 09:00 Chongqing on working days', () => {
  it('R-CAL-3 a reminder counts back from the moved deadline, a rest day giving way to the working day before', () => {
    const due = deadlineFor(calendar, endOfDay('2026-10-01')).dueDate; // moved to 8 October
    expect(reminderAt(calendar, due, 30)).toBe(at9('2026-09-08'));
    expect(reminderAt(calendar, due, 1)).toBe(at9('2026-09-30')); // 7 October is a holiday
    expect(reminderAt(calendar, due, 7)).toBe(at9('2026-09-30')); // so is 1 October
    expect(reminderAt(calendar, '2026-03-30', 2)).toBe(at9('2026-03-27')); // Saturday 28 → Friday 27
  });

  it('R-CAL-3 a T-1 reminder never arrives at midnight on a Sunday', () => {
    expect(reminderAt(calendar, '2026-03-30', 1)).toBe(at9('2026-03-27'));
  });

  it('R-CAL-3 a weekly notice due in Golden Week goes out at 09:00 of the first working day after it', () => {
    expect(noticeFrom(calendar, endOfDay('2026-09-30'))).toBe(at9('2026-10-08'));
    expect(noticeFrom(calendar, endOfDay('2026-03-26'))).toBe(at9('2026-03-27')); // a Friday: that morning
    expect(noticeFrom(calendar, at9('2026-03-27'))).toBe(at9('2026-03-27')); // already 09:00 on a working day
    expect(noticeFrom(calendar, '2026-03-27T02:00:00.000Z')).toBe(at9('2026-03-30')); // after 09:00: next working day
  });
});

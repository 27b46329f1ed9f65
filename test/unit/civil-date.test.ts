import {
  addDays,
  addYears,
  chongqingYear,
  civilDateOf,
  deadlineDaysAfter,
  deadlineYearsAfter,
  dueDateOf,
  endOfDay,
  isCivilDate,
  isPast,
  nextYearStart,
  startOfDay,
} from '../../workflows/definitions/civil-date';

describe('civil dates (R-CAL-1, R-CAL-2)', () => {
  it('R-CAL-1: an instant belongs to its Chongqing day (UTC+8); the year turns at 16:00 UTC on 31 December', () => {
    expect(civilDateOf('2026-12-31T15:59:59.999Z')).toBe('2026-12-31');
    expect(civilDateOf('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(chongqingYear('2026-12-31T17:00:00.000Z')).toBe(2027); // 01:00 on 1 January in Chongqing
    expect(nextYearStart('2026-06-01T00:00:00.000Z')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('R-CAL-1: a deadline on day D ends at D 24:00 Chongqing = D 16:00 UTC, exclusive; its dueDate is D again', () => {
    expect(endOfDay('2027-06-30')).toBe('2027-06-30T16:00:00.000Z');
    expect(startOfDay('2027-06-30')).toBe('2027-06-29T16:00:00.000Z');
    expect(dueDateOf('2027-06-30T16:00:00.000Z')).toBe('2027-06-30');
    expect(isPast('2027-06-30T16:00:00.000Z', '2027-06-30T15:59:59.999Z')).toBe(false);
    // a filing at the deadline is late
    expect(isPast('2027-06-30T16:00:00.000Z', '2027-06-30T16:00:00.000Z')).toBe(true);
  });

  it('R-CAL-2: n days after an event: its day is not counted, the period ends at day D+n, 24:00', () => {
    // 26 Nov 10:00 Chongqing + 30 days → 26 Dec 24:00, whatever the hour of the event
    expect(deadlineDaysAfter('2026-11-26T02:00:00.000Z', 30)).toBe('2026-12-26T16:00:00.000Z');
    expect(deadlineDaysAfter('2026-11-26T15:59:59.999Z', 30)).toBe('2026-12-26T16:00:00.000Z');
    // already 27 Nov in Chongqing
    expect(deadlineDaysAfter('2026-11-26T16:00:00.000Z', 30)).toBe('2026-12-27T16:00:00.000Z');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });

  it('R-CAL-2: n years after D is the same month and day, or the last day of that month (29 Feb → 28 Feb)', () => {
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    // 1 March 2028 05:00 Chongqing is still 29 February in UTC: the civil day decides
    expect(deadlineYearsAfter('2028-02-29T21:00:00.000Z', 3)).toBe('2031-03-01T16:00:00.000Z');
  });

  it('R-CAL-1: only real calendar days written YYYY-MM-DD are civil dates', () => {
    expect(['2027-06-30', '2028-02-29'].every(isCivilDate)).toBe(true);
    expect(['2027-02-29', '2027-13-01', '2027-06-30T00:00:00Z', '27-06-30', 20270630, null].some(isCivilDate)).toBe(
      false,
    );
  });
});

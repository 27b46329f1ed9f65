/**
 * R-CAL-3: the day a deadline moved off a rest day lands on, when the case holds a floor for it ("never earlier
 * than already announced") and when the move leaves the years whose arrangement is published. On a small calendar
 * of its own (2030 published, no holidays but those named here), so the cases do not depend on real arrangements.
 */
import { endOfDay } from '../../workflows/definitions/civil-date';
import type { CaseCalendar, DeadlineFloors } from '../../workflows/definitions/work-calendar';
import { deadlineFor } from '../../workflows/lifecycle/working-days';

const calendar = (floors: DeadlineFloors, restDays: Record<string, string> = {}): CaseCalendar => ({
  version: 'test',
  years: [2030],
  restDays,
  workdays: {},
  floors,
});

describe('R-CAL-3: where a moved deadline lands', () => {
  // Saturday 5 January 2030 moves to Monday 7 January.
  const moved = { dueAt: endOfDay('2030-01-07'), dueDate: '2030-01-07', shiftedFrom: '2030-01-05', reason: '周六' };

  it('R-CAL-3: a floor before the moved day never pulls the deadline back onto it', () => {
    expect(deadlineFor(calendar({ '2030-01-05': '2030-01-04' }), endOfDay('2030-01-05'))).toEqual(moved);
  });

  it('R-CAL-3: a floor on the moved day itself changes nothing: the reason stays the rest day', () => {
    expect(deadlineFor(calendar({ '2030-01-05': '2030-01-07' }), endOfDay('2030-01-05'))).toEqual(moved);
  });

  it('R-CAL-3: a deadline moved out of the published years into an unpublished one is provisional', () => {
    const yearEnd = calendar({}, { '2030-12-31': '测试假期' }); // Tuesday 31 December 2030 rests
    expect(deadlineFor(yearEnd, endOfDay('2030-12-31'))).toEqual({
      dueAt: endOfDay('2031-01-01'),
      dueDate: '2031-01-01',
      shiftedFrom: '2030-12-31',
      reason: '测试假期',
      provisional: true,
    });
  });
});

import { workCalendarOf } from '../../persistence/reference/holiday-arrangements';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { HolidayArrangement } from '../../workflows/definitions/work-calendar';
import type { Context } from '../../workflows/lifecycle/outcome';
import { deadlinesOf } from '../../workflows/lifecycle/deadlines';
import { recalendar } from '../../workflows/lifecycle/recalendar';
import { activeSeries } from '../../workflows/lifecycle/schedule';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { finance, municipal, pureCase } from '../support/life/pure-case';

// R-CAL-3 on the pure lifecycle.
const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, refusal, designatedAt } = pureCase(ctx);

describe('R-CAL-3 on a case', () => {
  it('R-CAL-3 a payment confirmation window ending on National Day moves to 8 October, with the day and why', () => {
    // Designated 17 September 2026 (Chongqing): 14 days end on 1 October, the first day of the holiday.
    const state = designatedAt('2026-09-17T02:00:00.000Z');
    expect(state.deadlines).toContainEqual({
      kind: 'payment_confirmation',
      dueAt: '2026-10-08T16:00:00.000Z',
      dueDate: '2026-10-08',
      shiftedFrom: '2026-10-01',
      reason: '国庆节',
      calendarVersion: calendar.version,
    });
    // Its weekly notice to finance starts at 09:00 of the first working day after the moved deadline.
    const series = activeSeries(state, ctx('2026-10-01T00:00:00.000Z')).find((s) => s.key.startsWith('payment:'))!;
    expect(series.at(0)).toBe('2026-10-09T01:00:00.000Z');
    expect(series.at(1)).toBe('2026-10-16T01:00:00.000Z');
  });

  it('R-CAL-3 a rectification deadline an officer sets on a rest day is refused, naming the next working day', () => {
    const state = designatedAt('2026-05-10T02:00:00.000Z');
    const order = { actor: municipal, outcome: 'rectify', findings: '整改', rectifyBy: '2026-10-03' };
    expect(refusal(state, m.evaluationUpdate, order, '2026-06-10T00:00:00.000Z')).toMatchObject({
      type: 'InvalidInput',
      details: [
        {
          field: 'rectifyBy',
          rule: 'R-CAL-3',
          code: 'rules.refusals.rectifyByRestDay',
          params: { day: '2026-10-03', reason: '国庆节', instead: '2026-10-08' },
        },
      ],
    });
    act(state, m.evaluationUpdate, { ...order, rectifyBy: '2026-10-10' }, '2026-06-10T00:00:00.000Z'); // 调休上班
    expect(state.stage).toBe('rectifying');
  });

  it('R-CAL-3 a refund demand is escalated at its deadline; its notices wait for 09:00 of a working day', () => {
    const state = designatedAt('2026-05-10T02:00:00.000Z');
    const revoke = { actor: municipal, outcome: 'revoke', findings: '有名无实', grounds: ['nominal_only'] };
    const paid = { actor: finance, paymentId: state.payments[0].paymentId, paidAt: '2026-05-20T10:00:00+08:00' };
    act(state, m.confirmPaymentUpdate, { ...paid, bankReference: 'CQ-T-1' }, '2026-05-20T02:00:00.000Z');
    // Revoked 2 August 2026: 60 days end on 1 October, moved to 8 October.
    act(state, m.evaluationUpdate, { ...revoke, refundAmount: state.payments[0].amount }, '2026-08-02T02:00:00.000Z');
    expect(state.deadlines.find((d) => d.kind === 'refund')).toMatchObject({ dueDate: '2026-10-08', reason: '国庆节' });
    const series = activeSeries(state, ctx('2026-10-01T00:00:00.000Z'));
    expect(series.find((s) => s.key === 'refund:escalation')!.at(0)).toBe('2026-10-08T16:00:00.000Z');
    expect(series.find((s) => s.key === 'refund:overdue')!.at(0)).toBe('2026-10-09T01:00:00.000Z');
    // The reminders before it: T-30 on 8 September, T-7 on 30 September (1 October is a holiday).
    expect([0, 1].map((i) => series.find((s) => s.key === 'refund:reminder')!.at(i))).toEqual([
      '2026-09-08T01:00:00.000Z',
      '2026-09-30T01:00:00.000Z',
    ]);
  });
});

describe('R-CAL-3 a newer arrangement: pending deadlines recomputed, never earlier than announced', () => {
  // Designated in May 2028: the 2028 report is due 31 March 2029, a Saturday (2029 not published: moved to Monday).
  const designated = () => designatedAt('2028-05-10T02:00:00.000Z');
  const now = '2029-01-10T02:00:00.000Z';
  const arrangement2029 = (days: Partial<HolidayArrangement>): HolidayArrangement => ({
    year: 2029,
    source: '国办发明电〔2028〕…号',
    restDays: {},
    workdays: {},
    ...days,
  });

  it('R-CAL-3 a holiday on the announced day moves the deadline later, and says so', () => {
    const state = designated();
    const loaded = workCalendarOf([arrangement2029({ restDays: { '2029-04-02': '清明' } })], 2027);
    const { calendar: next, moved } = recalendar(state, ctx(now), loaded, calendar.floors);
    expect(moved).toEqual([{ kind: 'annual_report', from: '2029-04-02', to: '2029-04-03' }]);
    expect(next.version).toMatch(/^chinese-days@[\d.]+\+2029:[0-9a-f]{8}$/);
  });

  it('R-CAL-3 a make-up working day on 31 March does not bring the announced deadline forward', () => {
    const state = designated();
    const loaded = workCalendarOf([arrangement2029({ workdays: { '2029-03-31': '清明调休' } })], 2027);
    const { calendar: next, moved } = recalendar(state, ctx(now), loaded, calendar.floors);
    expect(moved).toEqual([]);
    expect(next.floors).toEqual({ '2029-03-31': '2029-04-02' });
    expect(deadlinesOf(state, { ...ctx(now), calendar: next })).toContainEqual(
      expect.objectContaining({ kind: 'annual_report', dueDate: '2029-04-02', shiftedFrom: '2029-03-31' }),
    );
  });
});

import type { CaseSnapshot } from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { Context } from '../../workflows/lifecycle/outcome';
import { fireDue, nextDueEvent } from '../../workflows/lifecycle/schedule';
import { goodReport } from '../../tooling/stacks/case-driver';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { district, finance, municipal, pureCase } from '../support/life/pure-case';

// R-RPT-6 on the pure lifecycle, with the installed arrangements (2026: 清明 4–6 April; 2027 provisional: 清明 5 April).
const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, designatedAt } = pureCase(ctx);

/** Designated 10 May 2025 (first reporting year 2025), tranche 1 paid, under a rectification order until 2040. */
function designatedIn2025(): CaseSnapshot {
  const state = designatedAt('2025-05-10T02:00:00.000Z');
  const paid = { actor: finance, paymentId: state.payments[0].paymentId, paidAt: '2025-05-11T10:00:00+08:00' };
  act(state, m.confirmPaymentUpdate, { ...paid, bankReference: 'B1' }, '2025-05-11T02:00:00.000Z');
  // No periodic evaluation in the way of the reports' notices.
  const order = { actor: municipal, outcome: 'rectify', findings: '整改', rectifyBy: '2040-01-03' };
  act(state, m.evaluationUpdate, order, '2025-05-12T02:00:00.000Z');
  return state;
}

/** The life until `until`: each due event fired at its instant, each filing at its own; the overdue notices sent. */
function overdueNotices(state: CaseSnapshot, filings: Array<{ at: string; year: number }>, until: string) {
  const sent: Array<{ at: string; years: unknown }> = [];
  let now = '2025-05-12T02:00:00.000Z';
  const pending = [...filings];
  for (;;) {
    const due = nextDueEvent(state, ctx(now));
    const filing = pending[0];
    if (filing && (!due || filing.at <= due.at)) {
      pending.shift();
      now = filing.at;
      act(state, m.annualReportUpdate, { actor: district, report: goodReport(filing.year) }, now);
      continue;
    }
    if (!due || due.at >= until) return sent;
    now = due.at;
    for (const notice of fireDue(state, due).notices)
      if (notice.kind === 'annual_report_overdue' && notice.recipient.role === 'municipal')
        sent.push({ at: due.at, years: notice.message.params?.years });
  }
}

/** The Monday (Chongqing) of the week of a notice sent at 09:00. */
const mondayOf = (at: string): string => {
  const day = new Date(at.slice(0, 10) + 'T00:00:00Z');
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};

describe('R-RPT-6 overdue notices: one per case per calendar week, on its first working day', () => {
  it('R-RPT-6 the first on the first working day after the deadline, then each week’s first working day, 09:00', () => {
    const sent = overdueNotices(designatedIn2025(), [], '2026-04-21');
    // Due Tuesday 31 March 2026: Wednesday 1 April, then Tuesday 7 April (Monday 6 April is 清明), Monday 13, 20 April.
    expect(sent.map((n) => n.at)).toEqual([
      '2026-04-01T01:00:00.000Z',
      '2026-04-07T01:00:00.000Z',
      '2026-04-13T01:00:00.000Z',
      '2026-04-20T01:00:00.000Z',
    ]);
    expect(sent.every((n) => JSON.stringify(n.years) === '["2025"]')).toBe(true);
  });

  it('R-RPT-6 a streak filed on Tuesday and the next year overdue on Wednesday: no second notice that week', () => {
    // The 2025 report arrives on Tuesday 30 March 2027, after Monday's notice; the 2026 one falls due Wednesday 31:
    // nothing more that week (Thursday 1 April would be the first working day after its deadline).
    const filings = [{ at: '2027-03-30T02:00:00.000Z', year: 2025 }];
    const sent = overdueNotices(designatedIn2025(), filings, '2027-04-13');
    const weeks = sent.map((n) => mondayOf(n.at));
    expect(new Set(weeks).size).toBe(weeks.length);
    expect(sent.slice(-3)).toEqual([
      { at: '2027-03-29T01:00:00.000Z', years: ['2025'] },
      { at: '2027-04-06T01:00:00.000Z', years: ['2026'] }, // Monday 5 April is 清明
      { at: '2027-04-12T01:00:00.000Z', years: ['2026'] },
    ]);
  });
});

import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { Context } from '../../workflows/lifecycle/outcome';
import { fireDue, nextDueEvent } from '../../workflows/lifecycle/schedule';
import { goodReport } from '../../tooling/stacks/case-driver';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { district, finance, pureCase } from '../support/life/pure-case';

// R-RPT-5 on the pure lifecycle: the reports of the years before the revocation year stay due while `revoked`.
const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, refusal, revokedIn2027 } = pureCase(ctx);

const report = (year: number) => ({ actor: district, report: goodReport(year) });

describe('R-RPT-5 a revoked park: reports of years before the revocation year stay due', () => {
  it('R-RPT-5 the 2026 report stays a deadline of a park revoked in 2027; none for 2027', () => {
    const state = revokedIn2027();
    expect(state.stage).toBe('revoked');
    const reports = state.deadlines.filter((d) => d.kind === 'annual_report');
    expect(reports.map((d) => d.dueDate)).toEqual(['2027-03-31']);
  });

  it('R-RPT-5 / R-RPT-6 overdue notices about the 2026 report go on while the case is revoked', () => {
    const state = revokedIn2027();
    const overdue = [];
    for (let due = nextDueEvent(state, ctx('2027-03-20T00:00:00.000Z')); due && due.at < '2027-04-20';) {
      const notices = fireDue(state, due).notices.filter((n) => n.kind === 'annual_report_overdue');
      overdue.push(...notices.map((n) => ({ at: due!.at, to: n.recipient.role, years: n.message.params?.years })));
      due = nextDueEvent(state, ctx(due.at));
    }
    expect(overdue[0]).toEqual({ at: '2027-04-01T01:00:00.000Z', to: 'district', years: ['2026'] });
  });

  it('R-RPT-5 the district files the 2026 report while revoked: accepted, late, no tranche 2 (revoked by then)', () => {
    const state = revokedIn2027();
    const filed = act(state, m.annualReportUpdate, report(2026), '2027-04-10T02:00:00.000Z');
    expect(state.stage).toBe('revoked');
    expect(state.reports.map((r) => [r.year, r.late])).toEqual([[2026, true]]);
    expect(filed.instruct).toEqual([]);
    expect(state.deadlines.filter((d) => d.kind === 'annual_report')).toEqual([]);
  });

  it('R-RPT-5 the report of the revocation year is refused (422 naming year)', () => {
    const state = revokedIn2027();
    expect(refusal(state, m.annualReportUpdate, report(2027), '2028-01-10T02:00:00.000Z')).toMatchObject({
      type: 'InvalidInput',
      details: [
        {
          field: 'year',
          rule: 'R-RPT-5',
          code: 'rules.refusals.reportYearRevoked',
          params: { year: 2027, revokedIn: 2027 },
        },
      ],
    });
  });

  it('R-RPT-5 / R-PAY-1 closing the case ends the outstanding reports, and the history names them', () => {
    const state = revokedIn2027();
    const refund = { actor: finance, amount: state.refundDemand!.amount, paidAt: '2027-03-01T10:00:00+08:00' };
    const closed = act(state, m.refundPaymentUpdate, { ...refund, bankReference: 'R-1' }, '2027-03-01T02:00:00.000Z');
    expect(state.stage).toBe('closed');
    expect(closed.details).toMatchObject({ status: 'settled', reportsNeverFiled: [2026] });
    expect(state.deadlines).toEqual([]);
  });
});

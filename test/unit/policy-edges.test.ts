import { translator } from '../../i18n/translator';
import type { MessageRef } from '../../workflows/definitions/message-ref';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { deadlineYearsAfter } from '../../workflows/definitions/civil-date';
import { OFFICER_UPDATES } from '../../workflows/lifecycle/actions';
import { deadlinesOf } from '../../workflows/lifecycle/deadlines';
import { newCase } from '../../workflows/lifecycle/intake';
import type { Context } from '../../workflows/lifecycle/outcome';
import { activeSeries, fireDue, nextDueEvent } from '../../workflows/lifecycle/schedule';
import { goodReport } from '../../tooling/stacks/case-driver';
import { district, finance, municipal, pureCase } from '../support/life/pure-case';
import { validApplication } from '../../tooling/fixtures/applications';
import { installedCalendar } from '../support/workflows/holiday-calendar';

// The edges issue 9 found by reading the rules against the code, each proven on the pure lifecycle.
const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, refusal, designatedAt } = pureCase(ctx);

const report = (year: number) => ({ actor: district, report: goodReport(year) });

describe('R-RPT-5 reporting years and the second tranche', () => {
  it(
    'R-RPT-5: the report of the year still running is refused naming ' +
      '`year`, and instructs no tranche; the full-year report is accepted later',
    () => {
      const state = designatedAt('2026-05-10T02:00:00.000Z');
      const failure = refusal(state, m.annualReportUpdate, report(2026), '2026-05-11T02:00:00.000Z');
      const notEnded = { code: 'rules.refusals.reportYearNotEnded', params: { year: 2026, from: '2027-01-01' } };
      expect(failure).toMatchObject({
        type: 'InvalidInput',
        message: 'year:rules.refusals.reportYearNotEnded(R-RPT-5)',
        details: [{ field: 'year', rule: 'R-RPT-5', ...notEnded }],
      });
      expect(translator.translate(notEnded, 'zh-CN')).toBe(
        '2026年度报告须在该年度结束后报送（2027年1月1日起，北京时间）',
      );
      expect(translator.translate(notEnded, 'en')).toBe(
        'the report for 2026 can be filed once the year has ended (from 1 January 2027, Chongqing)',
      );
      expect(state.payments.map((p) => p.kind)).toEqual(['subsidy_tranche_1']);
      expect(refusal(state, m.annualReportUpdate, report(2026), '2026-12-31T15:59:59.999Z')).toMatchObject({
        details: [{ rule: 'R-RPT-5' }],
      });
      // 1 January 00:00 Chongqing
      const filed = act(state, m.annualReportUpdate, report(2026), '2026-12-31T16:00:00.000Z');
      expect(filed.instruct.map((p) => [p.kind, p.amount])).toEqual([['subsidy_tranche_2', 1_000_001]]);
    },
  );

  it(
    'R-RPT-5: a park designated on 20 December reports ' + 'first for the next year, judged on a full year (R-RPT-2)',
    () => {
      const state = designatedAt('2026-12-20T02:00:00.000Z');
      expect(state.designation!.firstReportingYear).toBe(2027);
      expect(deadlinesOf(state, ctx('2027-01-05T00:00:00.000Z')).filter((d) => d.kind === 'annual_report')).toEqual([
        {
          kind: 'annual_report',
          dueAt: '2028-03-31T16:00:00.000Z',
          dueDate: '2028-03-31',
          provisional: true, // R-CAL-3: 2028 has no published arrangement
          calendarVersion: calendar.version,
        },
      ]);
      expect(refusal(state, m.annualReportUpdate, report(2026), '2027-01-05T00:00:00.000Z')).toMatchObject({
        details: [{ field: 'year', rule: 'R-RPT-5' }],
      });
      const lowRevenue = { actor: district, report: goodReport(2027, { revenue: 100_000_000 }) };
      act(state, m.annualReportUpdate, lowRevenue, '2028-01-10T00:00:00.000Z');
      expect(state.findings).toEqual([
        {
          rule: 'R-RPT-2',
          year: 2027,
          code: 'rules.findings.firstYearRevenueBelow',
          params: { revenue: 100_000_000, min: 300_000_000 },
        },
      ]);
      expect(translator.translate(state.findings[0], 'zh-CN')).toBe(
        '首个报告年度营业收入100,000,000元，低于300,000,000元',
      );
    },
  );

  it(
    'R-RPT-5: designated on 30 June (Chongqing) the designation year ' +
      'is the first reporting year; a minute into 1 July it is the next',
    () => {
      expect(designatedAt('2026-06-30T15:59:00.000Z').designation!.firstReportingYear).toBe(2026);
      expect(designatedAt('2026-06-30T16:01:00.000Z').designation!.firstReportingYear).toBe(2027);
    },
  );

  it(
    'R-RPT-3: one of the first three reporting years reaches 1,000 ' +
      'M CNY; a missing report counts as not met once the third is due',
    () => {
      const state = designatedAt('2026-05-10T02:00:00.000Z');
      act(state, m.annualReportUpdate, report(2026), '2027-02-01T00:00:00.000Z');
      act(state, m.annualReportUpdate, report(2027), '2028-02-01T00:00:00.000Z');
      expect(state.findings.filter((f) => f.rule === 'R-RPT-3')).toEqual([]); // not yet due
      act(
        state,
        m.evaluationUpdate,
        { actor: municipal, outcome: 'renew', findings: '评估' },
        '2029-04-03T00:00:00.000Z',
      );
      // 2028 missing, past due (31 March 2029 is a Saturday: due on Monday 2 April, R-CAL-3)
      expect(state.evaluations[0].reportFindings.map((f) => f.rule)).toEqual(['R-RPT-3', 'R-RPT-1']);
    },
  );
});

describe('R-CAL-1 / R-CAL-2 dates', () => {
  it(
    'R-CAL-1: rectifyBy "2027-06-30" runs to 24:00 Chongqing (16:00 ' +
      'UTC), and the re-evaluation notice goes out at 09:00 the day after, not at 08:00 on its day',
    () => {
      const state = designatedAt('2026-05-10T02:00:00.000Z');
      act(
        state,
        m.evaluationUpdate,
        { actor: municipal, outcome: 'rectify', findings: '整改', rectifyBy: '2027-06-30' },
        '2027-01-10T00:00:00.000Z',
      );
      expect(state.rectifyBy).toBe('2027-06-30T16:00:00.000Z');
      expect(state.deadlines).toContainEqual({
        kind: 'rectification',
        dueAt: '2027-06-30T16:00:00.000Z',
        dueDate: '2027-06-30',
        provisional: true, // R-CAL-3: 2027 has no published arrangement
        calendarVersion: calendar.version,
      });
      const series = activeSeries(state, ctx('2027-06-01T00:00:00.000Z')).find((s) =>
        s.key.startsWith('rectification:'),
      )!;
      expect(series.at(0)).toBe('2027-07-01T01:00:00.000Z'); // R-CAL-3: 09:00 of the day that begins at it
      for (const bad of ['2027-06-30T00:00:00Z', '2027-02-30', '2027-01-10']) {
        expect(
          refusal(
            designatedAt('2026-05-10T02:00:00.000Z'),
            m.evaluationUpdate,
            { actor: municipal, outcome: 'rectify', findings: '整改', rectifyBy: bad },
            '2027-01-10T00:00:00.000Z',
          ),
        ).toMatchObject({ type: 'InvalidInput', details: [{ field: 'rectifyBy' }] });
      }
    },
  );

  it('R-CAL-1: a certificate issued at 01:00 on 1 January (Chongqing) carries the new year', () => {
    expect(designatedAt('2026-12-31T17:00:00.000Z').designation!.certificateNo).toMatch(/^CQ-HRP-2027-/);
  });

  it(
    'R-CAL-2: 3 years after 1 March 2028 05:00 Chongqing ends on ' +
      '1 March 2031 at 24:00, and 29 February becomes 28 February',
    () => {
      expect(designatedAt('2028-02-29T21:00:00.000Z').nextEvaluationDue).toBe('2031-03-01T16:00:00.000Z');
      expect(designatedAt('2028-02-29T02:00:00.000Z').nextEvaluationDue).toBe('2031-02-28T16:00:00.000Z');
    },
  );

  it(
    'R-EVL-2: an on-demand renewal puts the next evaluation 3 ' +
      'years after the renewal, not 3 years after the one it replaces',
    () => {
      const state = designatedAt('2026-05-10T02:00:00.000Z');
      act(
        state,
        m.evaluationUpdate,
        { actor: municipal, outcome: 'renew', findings: '运营规范' },
        '2027-02-01T02:00:00.000Z',
      );
      expect(state.nextEvaluationDue).toBe(deadlineYearsAfter('2027-02-01T02:00:00.000Z', 3));
      expect(state.nextEvaluationDue).toBe('2030-02-01T16:00:00.000Z');
    },
  );
});

describe('R-PAY-1 money in flight, and final stages', () => {
  const revokeBody = { actor: municipal, outcome: 'revoke', findings: '有名无实', grounds: ['nominal_only'] };

  it('R-PAY-1: revoked while tranche 1 is instructed, finance still confirms it and only then the case closes', () => {
    const state = designatedAt('2026-05-10T02:00:00.000Z');
    act(state, m.evaluationUpdate, revokeBody, '2026-06-01T02:00:00.000Z');
    expect(state.stage).toBe('revoked');
    act(
      state,
      m.confirmPaymentUpdate,
      {
        actor: finance,
        paymentId: state.payments[0].paymentId,
        paidAt: '2026-06-02T02:00:00.000Z',
        bankReference: 'B1',
      },
      '2026-06-02T02:00:00.000Z',
    );
    expect(state.stage).toBe('closed');
  });

  it(
    'R-PAY-1: a refund demand is capped by the subsidy tranches ' +
      'paid or in flight, never the incubation grant (R-SUB-3)',
    () => {
      const state = designatedAt('2026-05-10T02:00:00.000Z');
      act(state, m.incubationBaseUpdate, { actor: municipal }, '2026-05-11T02:00:00.000Z');
      const failure = refusal(
        state,
        m.evaluationUpdate,
        { ...revokeBody, refundAmount: 1_000_001 },
        '2026-06-01T02:00:00.000Z',
      );
      expect(failure).toMatchObject({ type: 'InvalidInput', details: [{ field: 'refundAmount', rule: 'R-PAY-1' }] });
      act(state, m.evaluationUpdate, { ...revokeBody, refundAmount: 1_000_000 }, '2026-06-01T02:00:00.000Z');
      expect(state.refundDemand).toMatchObject({
        amount: 1_000_000,
        dueAt: '2026-07-31T16:00:00.000Z',
        status: 'open',
      });
    },
  );

  it(
    'R-EVL-2: revoke states its grounds; rectifyBy only ' + 'with rectify, grounds and refundAmount only with revoke',
    () => {
      const state = designatedAt('2026-05-10T02:00:00.000Z');
      const at = '2026-06-01T02:00:00.000Z';
      expect(refusal(state, m.evaluationUpdate, { ...revokeBody, grounds: undefined }, at)).toMatchObject({
        details: [{ field: 'grounds', rule: 'R-EVL-2' }],
      });
      expect(refusal(state, m.evaluationUpdate, { ...revokeBody, grounds: ['bad_luck'] }, at)).toMatchObject({
        details: [
          {
            field: 'grounds',
            code: 'rules.refusals.groundsUnknown',
            params: { unknown: ['bad_luck'], allowed: ['poorly_run', 'nominal_only', 'adverse_effect'] },
          },
        ],
      });
      expect(
        refusal(
          state,
          m.evaluationUpdate,
          { actor: municipal, outcome: 'renew', findings: 'x', grounds: ['poorly_run'] },
          at,
        ),
      ).toMatchObject({ details: [{ field: 'grounds' }] });
      expect(
        refusal(
          state,
          m.evaluationUpdate,
          { actor: municipal, outcome: 'renew', findings: 'x', rectifyBy: '2027-01-01' },
          at,
        ),
      ).toMatchObject({ details: [{ field: 'rectifyBy' }] });
      expect(
        refusal(
          state,
          m.evaluationUpdate,
          { actor: municipal, outcome: 'rectify', findings: 'x', rectifyBy: '2027-01-01', refundAmount: 1 },
          at,
        ),
      ).toMatchObject({ details: [{ field: 'refundAmount' }] });
    },
  );

  it('final stages: every action on a closed, lapsed or rejected case is InvalidStage naming the stage', () => {
    for (const stage of ['closed', 'lapsed', 'rejected'] as const) {
      const state = designatedAt('2026-05-10T02:00:00.000Z');
      state.stage = stage;
      for (const action of OFFICER_UPDATES) {
        expect(refusal(state, action.update, { actor: municipal }, '2026-06-01T02:00:00.000Z')).toMatchObject({
          type: 'InvalidStage',
          details: [{ stage, action: action.update.name, allowed: expect.not.arrayContaining([stage]) }],
        });
      }
    }
  });
});

describe('§5.1 resubmission window and R-RPT-6 overdue notices', () => {
  it(
    '§5.1: a resubmission that arrives with the lapse timer, at ' +
      'the end of day 30, is refused even before the lapse is processed',
    () => {
      const returnedAt = '2026-11-24T02:00:00.000Z'; // day 30 is Thursday 24 December, a working day
      const state = newCase(
        { caseId: 'c2', district: '500112', parkName: '园', policy: DEFAULT_POLICY, policyTimeScale: 1 },
        0,
        returnedAt,
      );
      act(
        state,
        m.submitApplicationUpdate,
        { actor: district, application: validApplication({ agencies: [] }) },
        returnedAt,
      );
      expect(state.stage).toBe('returned');
      const resubmission = { actor: district, application: validApplication() };
      expect(refusal(state, m.submitApplicationUpdate, resubmission, '2026-12-24T16:00:00.000Z')).toMatchObject({
        type: 'InvalidStage',
        details: [
          {
            stage: 'lapsed',
            action: 'submitApplication',
            allowed: ['returned'],
            reason: { code: 'rules.refusals.resubmissionWindowClosed', params: { dueAt: '2026-12-24T16:00:00.000Z' } },
          },
        ],
      });
      act(state, m.submitApplicationUpdate, resubmission, '2026-12-24T15:59:59.999Z');
      expect(state.stage).toBe('submitted');
    },
  );

  it(
    'R-RPT-6: a park that stops reporting gets one weekly ' +
      'overdue notice per recipient, listing every unreported year',
    () => {
      const state = designatedAt('2026-05-10T02:00:00.000Z');
      act(
        state,
        m.confirmPaymentUpdate,
        {
          actor: finance,
          paymentId: state.payments[0].paymentId,
          paidAt: '2026-05-11T02:00:00.000Z',
          bankReference: 'B1',
        },
        '2026-05-11T02:00:00.000Z',
      );
      act(
        state,
        m.evaluationUpdate,
        { actor: municipal, outcome: 'rectify', findings: '整改', rectifyBy: '2040-01-03' },
        '2026-05-12T02:00:00.000Z',
      );
      const overdue: Array<{ at: string; message: MessageRef }> = [];
      for (
        let due = nextDueEvent(state, ctx('2026-05-12T02:00:00.000Z'));
        due && due.at < '2033-06-01';
        due = nextDueEvent(state, ctx(due.at))
      ) {
        const at = due.at;
        for (const notice of fireDue(state, due).notices)
          if (notice.kind === 'annual_report_overdue' && notice.recipient.role === 'municipal')
            overdue.push({ at, message: notice.message });
      }
      const inLastWeek = overdue.filter((n) => n.at >= '2033-05-24T16:00:00.000Z');
      expect(inLastWeek).toHaveLength(1);
      expect(inLastWeek[0].message).toMatchObject({
        code: 'notices.inbox.annual_report_overdue',
        params: { years: ['2026', '2027', '2028', '2029', '2030', '2031', '2032'] },
      });
      expect(translator.translate(inLastWeek[0].message, 'zh-CN')).toContain(
        '2026、2027、2028、2029、2030、2031、2032年度报告',
      );
      expect(translator.translate(inLastWeek[0].message, 'en')).toContain(
        'for 2026, 2027, 2028, 2029, 2030, 2031, 2032',
      );
      expect(new Set(overdue.map((n) => n.at)).size).toBe(overdue.length); // never two in the same instant
    },
  );
});

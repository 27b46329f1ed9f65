import { expectedDeadline, installedCalendar } from '../support/workflows/holiday-calendar';
import { noticeFrom } from '../../workflows/lifecycle/working-days';
import { CaseDriver, goodReport, morningAfter } from '../../tooling/stacks/case-driver';
import { recordHistory } from '../support/workflows/histories';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { OVERDUE_REPORTS_KEY } from '../../workflows/definitions/search-attributes';
import { startOfYear } from '../../workflows/definitions/civil-date';
import { addPolicyDays } from '../../workflows/definitions/policy-time';
import { reportDueAt } from '../../workflows/lifecycle/reports';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.teardown();
});

describe('yearly reports (§5.3, R-RPT-1..4) and the second tranche (§5.2)', () => {
  it(
    'R-RPT-1/R-RPT-6 late report: reminders at T-30, T-7, T-1, then one weekly ' +
      'overdue notice to district and municipal bureau, counted until it arrives',
    async () => {
      const driver = await CaseDriver.designated(h);
      const year = await driver.firstReportingYear();
      // 31 March, moved to the next working day when it is a rest day (R-CAL-3).
      const due = expectedDeadline('annual_report', reportDueAt(year, DEFAULT_POLICY)).dueAt;
      // Weekly from the deadline, each at 09:00 of a working day (R-CAL-3): past the third one.
      const thirdNotice = noticeFrom(installedCalendar(), addPolicyDays(due, 14));
      await driver.sleepUntil(addPolicyDays(thirdNotice, 1 / 24));
      expect(Date.parse(thirdNotice) - Date.parse(due)).toBeLessThan(21 * 86_400_000); // before a fourth week

      const reminders = await driver.notices('annual_report_reminder');
      expect(reminders.map((n) => n.recipient_district)).toEqual(['500112', '500112', '500112']);
      const overdue = await driver.notices('annual_report_overdue');
      expect(overdue.map((n) => n.recipient_role)).toEqual([
        'district',
        'municipal',
        'district',
        'municipal',
        'district',
        'municipal',
      ]);
      expect((await driver.handle.describe()).typedSearchAttributes.get(OVERDUE_REPORTS_KEY)).toBe(1);
      expect((await driver.snapshot()).deadlines[0]).toMatchObject({
        kind: 'payment_confirmation',
        dueAt: expect.stringMatching(/T16:00:00\.000Z$/),
        dueDate: expect.any(String),
        calendarVersion: installedCalendar().version,
      });

      const reported = await driver.report(goodReport(year));
      expect(reported.reports).toEqual([expect.objectContaining({ year, late: true })]);
      expect(reported.payments.map((p) => p.kind)).toEqual(['subsidy_tranche_1', 'subsidy_tranche_2']);
      await driver.sleepUntil(addPolicyDays(due, 40));
      expect(await driver.notices('annual_report_overdue')).toHaveLength(6); // nothing after the report arrived
      expect((await driver.handle.describe()).typedSearchAttributes.get(OVERDUE_REPORTS_KEY)).toBe(0);
      await recordHistory('late-report', driver.handle);
    },
  );

  it(
    'R-RPT-2 missed first-year revenue target is a finding, ' + 'and findings are put before the evaluator (R-EVL-1)',
    async () => {
      const driver = await CaseDriver.designated(h);
      const year = await driver.firstReportingYear();
      await driver.sleepUntil(morningAfter(addPolicyDays(reportDueAt(year, DEFAULT_POLICY), -40)));
      const reported = await driver.report(goodReport(year, { revenue: 120_000_000, agencies: 12 }));
      expect(reported.findings.map((f) => f.rule)).toEqual(['R-RPT-2', 'R-RPT-4']);
      const evaluated = await driver.evaluate('renew');
      expect(evaluated.evaluations[0].reportFindings.map((f) => f.rule)).toEqual(['R-RPT-2', 'R-RPT-4']);
    },
  );

  it(
    'R-RPT-5: the report of the year still running is refused and releases nothing; ' +
      "tranche 2 = the rest of the subsidy, on the first reporting year's report",
    async () => {
      const driver = await CaseDriver.designated(h, 2_000_001);
      const first = await driver.firstReportingYear();
      // 2 January 10:00: the new year's run has begun
      await driver.sleepUntil(addPolicyDays(startOfYear(first + 1), 1 + 10 / 24));
      const reported = await driver.report(goodReport(first));
      expect(reported.payments.map((p) => [p.kind, p.amount])).toEqual([
        ['subsidy_tranche_1', 1_000_000],
        ['subsidy_tranche_2', 1_000_001],
      ]);
      // Refusals come last: the time-skipping test server stops skipping time after an Update its validator rejects.
      const refused = { cause: { type: 'InvalidInput', message: expect.stringContaining('R-RPT-5') } };
      await expect(driver.report(goodReport(first + 1))).rejects.toMatchObject(refused); // the year still running
      // before the first reporting year
      await expect(driver.report(goodReport(first - 1))).rejects.toMatchObject(refused);
      expect((await driver.snapshot()).payments).toHaveLength(2);
    },
  );

  it(
    '§5.2 tranche 2 follows the first report; ' +
      'each payment is confirmed once ' +
      'and a second confirmation is refused',
    async () => {
      const driver = await CaseDriver.designated(h, 3_000_000);
      const year = await driver.firstReportingYear();
      await driver.confirmAllPayments();
      await driver.sleepUntil(morningAfter(addPolicyDays(reportDueAt(year, DEFAULT_POLICY), -60)));
      await driver.report(goodReport(year));
      await driver.confirmAllPayments();
      const { payments } = await driver.snapshot();
      expect(payments.map((p) => [p.kind, p.amount, p.status])).toEqual([
        ['subsidy_tranche_1', 1_500_000, 'paid'],
        ['subsidy_tranche_2', 1_500_000, 'paid'],
      ]);
      await expect(driver.confirmPayment(payments[0].paymentId)).rejects.toMatchObject({
        cause: {
          type: 'InvalidInput',
          details: [{ field: 'paymentId', code: 'rules.refusals.paymentAlreadyConfirmed' }],
        },
      });
      await driver.recorded();
      const ledger = await h.dataSource.query('SELECT kind, status FROM payments WHERE case_id = $1 ORDER BY kind', [
        driver.caseId,
      ]);
      expect(ledger).toEqual([
        { kind: 'subsidy_tranche_1', status: 'paid' },
        { kind: 'subsidy_tranche_2', status: 'paid' },
      ]);
      await expect(driver.report(goodReport(year))).rejects.toMatchObject({
        cause: {
          type: 'InvalidInput',
          details: [{ field: 'year', code: 'rules.refusals.reportAlreadySubmitted', params: { year } }],
        },
      });
    },
  );
});

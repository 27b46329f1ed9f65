import type { WorkflowHandle } from '@temporalio/client';
import type { parkCaseWorkflow } from '../../workflows';
import { chongqingYear, startOfYear } from '../../workflows/definitions/civil-date';
import * as m from '../../workflows/definitions/messages';
import { addPolicyDays } from '../../workflows/definitions/policy-time';
import { CaseDriver, goodReport } from '../../tooling/stacks/case-driver';
import { eventually } from '../../tooling/eventually';
import { validApplication } from '../../tooling/fixtures/applications';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.teardown();
});

type CaseHandle = WorkflowHandle<typeof parkCaseWorkflow>;
const DAY_MS = 86_400_000;

/** The whole policy days from the case's policy date now to 10:00 Chongqing on 2 January of `year`. */
async function daysUntilSecondOfJanuary(handle: CaseHandle, year: number): Promise<number> {
  const { policyNow } = await handle.query(m.policyClockQuery);
  const target = addPolicyDays(startOfYear(year), 1 + 10 / 24);
  return Math.ceil((Date.parse(target) - Date.parse(policyNow)) / DAY_MS);
}

const auditOf = (caseId: string, action: string): Promise<Array<{ details: Record<string, unknown> }>> =>
  h.dataSource.query('SELECT details FROM case_audit WHERE case_id = $1 AND action = $2 ORDER BY at', [caseId, action]);

describe('policy clock moved forward by policyClockAdvanced (issue 21: training and test stacks)', () => {
  it(
    'R-RPT-5 / R-RPT-1: an adjustable case moved past 1 January after its first reporting year takes that ' +
      "year's report, and R-SUB-default instructs tranche 2; the move is in the audit trail",
    async () => {
      // Started as the API starts a case with POLICY_CLOCK_ADJUSTABLE=true, then designated (tranche 1 instructed).
      const driver = await CaseDriver.designated(h, 2_000_000, validApplication(), { policyClockAdjustable: true });
      const { caseId, handle } = driver;
      const { designation } = await handle.query(m.caseSnapshotQuery);
      const first = designation!.firstReportingYear!;
      const days = await daysUntilSecondOfJanuary(handle, first + 1);
      const before = await handle.query(m.policyClockQuery);

      await handle.signal(m.policyClockAdvancedSignal, { days: 4000 }); // over 3660: ignored
      await handle.signal(m.policyClockAdvancedSignal, { days });
      // The move wakes the case: what fell due in between fires, and the run crosses the reporting-year boundary.
      await eventually(
        async () => (await auditOf(caseId, 'reporting_year_started')).some((e) => e.details.year === first + 1),
        `the reporting year ${first + 1} to start`,
      );
      const clock = await handle.query(m.policyClockQuery);
      expect(clock).toMatchObject({ adjustable: true, advancedDays: days });
      expect(chongqingYear(clock.policyNow)).toBe(first + 1);
      expect(await auditOf(caseId, 'policy_clock_advanced')).toEqual([
        { details: { days, from: expect.any(String), to: expect.any(String) } },
      ]);
      const [{ details }] = await auditOf(caseId, 'policy_clock_advanced');
      expect(Date.parse(details.to as string) - Date.parse(details.from as string)).toBe(days * DAY_MS);
      expect(Date.parse(details.from as string)).toBeGreaterThanOrEqual(Date.parse(before.policyNow));
      // Tranche 1 awaited finance all along: its weekly reminders went out as they would have.
      await driver.recorded();
      const reminders = await h.dataSource.query('SELECT key FROM notifications WHERE case_id = $1 AND kind = $2', [
        caseId,
        'payment_confirmation_reminder',
      ]);
      expect(reminders.length).toBeGreaterThan(1);

      const reported = await driver.report(goodReport(first));
      expect(reported.reports).toEqual([expect.objectContaining({ year: first, late: false })]);
      expect(reported.payments.map((p) => [p.kind, p.amount])).toEqual([
        ['subsidy_tranche_1', 1_000_000],
        ['subsidy_tranche_2', 1_000_000],
      ]);
    },
  );

  it(
    'R-RPT-5: a case not started adjustable ignores policyClockAdvanced — its policy date stays, nothing is ' +
      "recorded, and the first reporting year's report is still refused",
    async () => {
      const driver = await CaseDriver.designated(h);
      const first = await driver.firstReportingYear();
      const before = await driver.snapshot();
      const days = await daysUntilSecondOfJanuary(driver.handle, first + 1);
      await driver.handle.signal(m.policyClockAdvancedSignal, { days });

      // Refusals come last: the time-skipping test server stops skipping time after an Update its validator rejects.
      // The Update is handled after the signal, so its refusal shows the clock the signal left.
      await expect(driver.report(goodReport(first))).rejects.toMatchObject({
        cause: { type: 'InvalidInput', message: expect.stringContaining('R-RPT-5') },
      });
      const clock = await driver.handle.query(m.policyClockQuery);
      expect(clock).toMatchObject({ adjustable: false, advancedDays: 0 });
      expect(Date.parse(clock.policyNow)).toBeLessThan(Date.parse(startOfYear(first + 1)));
      expect((await driver.snapshot()).version).toBe(before.version);
      expect(await auditOf(driver.caseId, 'policy_clock_advanced')).toEqual([]);
    },
  );
});

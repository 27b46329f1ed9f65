import { temporal } from '@temporalio/proto';
import { CaseDriver, goodReport, morningAfter } from '../../tooling/stacks/case-driver';
import { recordHistory } from '../support/workflows/histories';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { addPolicyDays } from '../../workflows/definitions/policy-time';
import { reportDueAt } from '../../workflows/lifecycle/reports';
import { addDays, chongqingYear, civilDateOf } from '../../workflows/definitions/civil-date';
import { atNotice, firstWorkingDayOfWeek, noticeFrom, weekStartOf } from '../../workflows/lifecycle/working-days';
import { expectedDeadline, installedCalendar } from '../support/workflows/holiday-calendar';

/**
 * R-RPT-6: how many overdue notices go out from a report deadline `dueAt` until `by`: one per calendar week — on the
 * first working day after the deadline, then at 09:00 of each later week's first working day.
 */
function calendarWeeksNotified(dueAt: string, by: string): number {
  const calendar = installedCalendar();
  const times = [noticeFrom(calendar, dueAt)];
  for (let monday = addDays(weekStartOf(civilDateOf(times[0])), 7); ; monday = addDays(monday, 7)) {
    const day = firstWorkingDayOfWeek(calendar, monday);
    if (day && atNotice(day) > by) break;
    if (day) times.push(atNotice(day));
  }
  return times.filter((at) => at <= by).length;
}

const EventType = temporal.api.enums.v1.EventType;
/** Events one run (one reporting year) may hold: a year's actions, reminders and activities stay well inside it. */
const MAX_EVENTS_PER_RUN = 400;
/**
 * A year of weekly overdue notices (R-RPT-6: one change a week, ~19 events each — its timer, its workflow task, the
 * record activity scheduled once that task is durable (issue 10: `record-case-change-durably`, 3 events and the
 * task that resumes after it) and the notice delivery) and the run's own events: about 1,000. What this bounds is
 * growth: a run that held two years would pass 2,000.
 */
const MAX_EVENTS_PER_UNREPORTED_RUN = 1_300;

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.teardown();
});

/** Every run of the case, newest first, with its event count (following continue-as-new back to the first). */
async function runsOf(driver: CaseDriver): Promise<Array<{ runId: string; events: number }>> {
  const runs = [];
  let runId: string | undefined = (await driver.handle.describe()).runId;
  while (runId) {
    const { events } = await h.client.workflow.getHandle(driver.handle.workflowId, runId).fetchHistory();
    runs.push({ runId, events: events?.length ?? 0 });
    const started: temporal.api.history.v1.IHistoryEvent | undefined = events?.find(
      (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
    );
    runId = started?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

describe('a park over ten policy years (§5)', () => {
  it(
    'happy path: yearly reports on time, renewed at years 3, 6 and ' +
      '9, both tranches paid once, a bounded run per reporting year',
    async () => {
      const driver = await CaseDriver.designated(h, 2_000_000);
      await driver.confirmAllPayments();
      const designationYear = chongqingYear((await driver.snapshot()).designation!.designatedAt);
      const firstYear = await driver.firstReportingYear();

      for (let year = firstYear; year < firstYear + 10; year += 1) {
        const reportingDay = morningAfter(addPolicyDays(reportDueAt(year, DEFAULT_POLICY), -45)); // mid-February
        let snapshot = await driver.snapshot();
        while (snapshot.nextEvaluationDue && snapshot.nextEvaluationDue < reportingDay) {
          await driver.sleepUntil(morningAfter(addPolicyDays(snapshot.nextEvaluationDue, 2)));
          snapshot = await driver.evaluate('renew');
        }
        await driver.sleepUntil(reportingDay);
        await driver.report(goodReport(year));
        await driver.confirmAllPayments();
      }

      const final = await driver.snapshot();
      await driver.recorded();
      expect(final.stage).toBe('designated');
      expect(final.reports.map((r) => r.year)).toEqual(Array.from({ length: 10 }, (_, i) => firstYear + i));
      expect(final.reports.every((r) => !r.late)).toBe(true);
      expect(final.evaluations.map((e) => [e.outcome, chongqingYear(e.decidedAt) - designationYear])).toEqual([
        ['renew', 3],
        ['renew', 6],
        ['renew', 9],
      ]);
      expect(final.payments.map((p) => [p.kind, p.amount, p.status])).toEqual([
        ['subsidy_tranche_1', 1_000_000, 'paid'],
        ['subsidy_tranche_2', 1_000_000, 'paid'],
      ]);
      expect(
        await h.dataSource.query('SELECT kind FROM treasury_instructions WHERE case_id = $1 ORDER BY kind', [
          driver.caseId,
        ]),
      ).toEqual([{ kind: 'subsidy_tranche_1' }, { kind: 'subsidy_tranche_2' }]);
      expect(await driver.notices('annual_report_overdue')).toEqual([]);

      const runs = await runsOf(driver);
      expect(runs.length).toBeGreaterThanOrEqual(10); // one run per reporting year, plus the designation run
      for (const run of runs) expect(run.events).toBeLessThan(MAX_EVENTS_PER_RUN);
      const total = runs.reduce((sum, run) => sum + run.events, 0);
      process.stdout.write(
        `\n[ten-year-life] runs: ${runs.length}, events per run: ${runs
          .map((r) => r.events)
          .reverse()
          .join(' ')}, total ${total}\n`,
      );
      await recordHistory('ten-year-life-current-run', driver.handle);
    },
  );
  it(
    'R-RPT-6: a park that stops reporting gets one overdue notice a week ' +
      'per recipient listing every unreported year, and each run stays bounded',
    async () => {
      const driver = await CaseDriver.designated(h, 2_000_000);
      await driver.confirmAllPayments();
      const first = await driver.firstReportingYear();
      const due = reportDueAt(first, DEFAULT_POLICY);
      const until = addPolicyDays(reportDueAt(first + 2, DEFAULT_POLICY), 10); // three reports missing
      await driver.sleepUntil(morningAfter(until));

      const overdue = await driver.notices('annual_report_overdue');
      const weeks = calendarWeeksNotified(expectedDeadline('annual_report', due).dueAt, morningAfter(until));
      // one per calendar week, not one per unreported year
      expect(overdue.filter((n) => n.recipient_role === 'municipal')).toHaveLength(weeks);
      expect(overdue.filter((n) => n.recipient_role === 'district')).toHaveLength(weeks);
      const [latest] = await h.dataSource.query(
        `SELECT message, message_code, message_params FROM notifications WHERE case_id = $1 AND ` +
          `kind = 'annual_report_overdue' ORDER BY issued_at DESC LIMIT 1`,
        [driver.caseId],
      );
      const years = [first, first + 1, first + 2].map(String);
      expect(latest).toMatchObject({ message_code: 'notices.inbox.annual_report_overdue', message_params: { years } });
      expect(latest.message).toContain(`${years.join('、')}年度报告尚未报送`); // the zh-CN text, for ops
      const runs = await runsOf(driver);
      for (const run of runs) expect(run.events).toBeLessThan(MAX_EVENTS_PER_UNREPORTED_RUN);
      process.stdout.write(
        `\n[unreported park] ${weeks} weekly notices, events per run: ${runs
          .map((r) => r.events)
          .reverse()
          .join(' ')}\n`,
      );
    },
  );
});

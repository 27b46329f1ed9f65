import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createActivities } from '../../activities';
import { workCalendarOf } from '../../persistence/reference/holiday-arrangements';
import { sharedWorkflowBundle } from '../../tooling/run-artifacts/workflow-bundle';
import { addDays, civilDateOf } from '../../workflows/definitions/civil-date';
import type { WorkCalendar } from '../../workflows/definitions/work-calendar';
import { workingDayOnOrAfter } from '../../workflows/lifecycle/working-days';
import { CaseDriver } from '../../tooling/stacks/case-driver';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

/**
 * Issue 15 item 2 (R-CAL-3, determinism): the calendar is read by a local activity whose answer is in the case's
 * history. A worker whose holiday data differs (a newer package) replays the case from that history — no cache, so
 * every task replays — and the case keeps the calendar it read: same deadlines, no non-determinism, no new read.
 */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.teardown();
});

describe('R-CAL-3 the calendar a case read is the one it replays with', () => {
  it('R-CAL-3 a worker with other holiday data replays the case unchanged, never reading it again', async () => {
    const today = civilDateOf(await h.env.currentTimeMs());
    // The data of the first read: 20 days of drill holidays from day 5 to day 24 (the payment window ends in them).
    const drill: WorkCalendar = workCalendarOf([], Number(today.slice(0, 4)) - 1);
    for (let day = 5; day < 25; day += 1) drill.restDays[addDays(today, day)] = '演练假日';
    const installed = workCalendarOf([], Number(today.slice(0, 4)) - 1);
    let served: WorkCalendar = drill;
    let reads = 0;
    const taskQueue = `calendar-${randomUUID()}`;
    const worker = await Worker.create({
      connection: h.env.nativeConnection,
      taskQueue,
      workflowBundle: await sharedWorkflowBundle(),
      activities: {
        ...createActivities({ dataSource: h.dataSource }),
        loadWorkCalendar: async () => {
          reads += 1;
          return served;
        },
      },
      maxCachedWorkflows: 0, // every task replays the history from its start
    });
    await worker.runUntil(async () => {
      const driver = await CaseDriver.designated({ ...h, taskQueue });
      const before = (await driver.snapshot()).deadlines.find((d) => d.kind === 'payment_confirmation')!;
      expect(before).toMatchObject({ reason: '演练假日', dueDate: workingDayOnOrAfter(drill, addDays(today, 25)) });
      expect(reads).toBe(1);

      served = installed; // the "newer package": no drill holidays
      await driver.recogniseIncubationBase(); // a new task: the case replays its history first, then acts
      const after = await driver.snapshot();
      expect(after.deadlines.filter((d) => d.kind === 'payment_confirmation')[0]).toEqual(before);
      // The state refers to the calendar by version: the days are in the history once, not in every change.
      expect(after.calendar).toEqual({ version: drill.version, fromYear: Number(today.slice(0, 4)) - 1, floors: {} });
      expect(reads).toBe(1);
      const history = await driver.handle.fetchHistory();
      await Worker.runReplayHistory({ workflowBundle: await sharedWorkflowBundle() }, history, driver.caseId);
    });
  });
});

import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createActivities } from '../../activities';
import { eventually } from '../../tooling/eventually';
import { sharedWorkflowBundle } from '../../tooling/run-artifacts/workflow-bundle';
import type { CaseChange } from '../../workflows/definitions/records';
import { CaseDriver, PANEL } from '../../tooling/stacks/case-driver';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

/**
 * Issue 23 item 7: an officer's action is answered as soon as the change is durable in Temporal, and the case's one
 * recorder writes its changes afterwards — one at a time, in the order of their versions.
 */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.teardown();
});

it('actions are answered while PostgreSQL has none of them; then each change is recorded once, in order', async () => {
  const activities = createActivities({ dataSource: h.dataSource });
  const started: number[] = [];
  let writing = 0;
  let mostAtOnce = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const taskQueue = `answer-first-${randomUUID()}`;
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue,
    workflowBundle: await sharedWorkflowBundle(),
    activities: {
      ...activities,
      // A database that holds every write until the test opens the gate.
      recordCaseChange: async (change: CaseChange) => {
        started.push(change.snapshot.version);
        mostAtOnce = Math.max(mostAtOnce, (writing += 1));
        await gate;
        try {
          await activities.recordCaseChange(change);
        } finally {
          writing -= 1;
        }
      },
    },
  });
  await worker.runUntil(async () => {
    try {
      const driver = await CaseDriver.file({ ...h, taskQueue });
      expect((await driver.accept()).version).toBe(5); // filed 1, three papers (R-DOC-1) 2–4
      expect(await driver.formPanel(PANEL)).toMatchObject({ stage: 'under_review', version: 6 });
      // The filing's record is under way and waits; the later ones wait for it.
      await eventually(() => started.length > 0, 'the first record');
      expect(started).toEqual([1]);
      const rows = () => h.dataSource.query('SELECT version FROM park_cases WHERE case_id = $1', [driver.caseId]);
      expect(await rows()).toEqual([]);

      open();
      await driver.recorded();
      expect(started).toEqual([1, 2, 3, 4, 5, 6]);
      expect(mostAtOnce).toBe(1);
      expect(await rows()).toEqual([{ version: 6 }]);
      expect((await driver.audit()).map((entry) => entry.action)).toEqual([
        'application_filed',
        'document_attached',
        'document_attached',
        'document_attached',
        'application_accepted',
        'panel_formed',
      ]);
    } finally {
      open();
    }
  });
});

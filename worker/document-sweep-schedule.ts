import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';
import type * as workflows from '../workflows';

/** The Schedule's id: one per namespace, whatever the number of workers. */
export const DOCUMENT_SWEEP_SCHEDULE_ID = 'document-sweep';

const WORKFLOW_TYPE: keyof typeof workflows = 'documentSweepWorkflow';

/**
 * The document sweep's Schedule (issue 25 item 5): `documentSweepWorkflow` every hour on the worker's task queue, one
 * run at a time (a run still going when the next is due: that one is skipped), an hour missed while Temporal was down
 * caught up once.
 */
export function documentSweepSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: DOCUMENT_SWEEP_SCHEDULE_ID,
    spec: { intervals: [{ every: '1 hour' }] },
    action: { type: 'startWorkflow', workflowType: WORKFLOW_TYPE, workflowId: DOCUMENT_SWEEP_SCHEDULE_ID, taskQueue },
    policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
  };
}

/**
 * Creates the Schedule, or brings the one there to this release's spec, action and policies (keeping its state: an
 * operator's pause stays). Every worker calls it at start; two at once are fine (one creates, the other updates).
 */
export async function ensureDocumentSweepSchedule(client: Client, taskQueue: string): Promise<'created' | 'updated'> {
  const { scheduleId, spec, action, policies } = documentSweepSchedule(taskQueue);
  try {
    await client.schedule.create({ scheduleId, spec, action, policies });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action, policies }));
  return 'updated';
}

import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** A poller seen this recently counts as a live worker (the server keeps poller records for a few minutes). */
export const LIVE_POLLER_MS = 70_000;

/**
 * True when a parkflow worker has polled `taskQueue`'s workflow tasks within {@link LIVE_POLLER_MS}: the test the API
 * makes before it sends an action, and the `worker` check of `/health/ready` — so "ready" means an action is served.
 */
export async function workerIsPolling(
  client: Client,
  namespace: string,
  taskQueue: string,
  deadline: number,
): Promise<boolean> {
  const { pollers } = await client.withDeadline(deadline, () =>
    client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    }),
  );
  const now = Date.now();
  return (pollers ?? []).some((poller) => now - Number(poller.lastAccessTime?.seconds ?? 0) * 1000 < LIVE_POLLER_MS);
}

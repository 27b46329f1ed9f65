import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { WorkerHeartbeatsRepository } from '../../persistence/repositories/worker-heartbeats.repository';
import { AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from './temporal-client.token';

/**
 * A poller Temporal saw this recently may be live. Temporal refreshes a poller's time only as each long poll starts
 * and ends — up to a minute apart for an idle worker — and keeps a dead worker's record for minutes, so this alone
 * cannot tell a worker that died a minute ago from one that is idle.
 */
export const LIVE_POLLER_MS = 70_000;

/**
 * A worker whose last heartbeat (worker_heartbeats, written every 5 s while it runs: worker/heartbeating-worker.ts)
 * is older than this is gone: three beats missed, so one late write on a busy host is not an outage.
 */
export const LIVE_HEARTBEAT_MS = 15_000;

/**
 * `live`: a worker polls the task queue; `none_polling`: Temporal saw no poller within {@link LIVE_POLLER_MS};
 * `silent`: the workers Temporal saw sent no heartbeat within {@link LIVE_HEARTBEAT_MS} (they died or are stopping).
 */
export type WorkerPresenceState = 'live' | 'none_polling' | 'silent';

/**
 * Whether a parkflow worker is serving the task queue: the test the API makes before it sends an action, and the
 * `worker` check of `/health/ready` — so "ready" means an action is served. Live = a worker Temporal saw polling
 * the queue (so it reaches this Temporal and namespace) that is, by its PostgreSQL heartbeat, running still — the same
 * worker, matched by its Temporal identity. A worker that dies stops counting within {@link LIVE_HEARTBEAT_MS}.
 */
@Injectable()
export class WorkerPresence {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly heartbeats: WorkerHeartbeatsRepository,
    private readonly config: AppConfig,
  ) {}

  /** The state of the task queue's workers; Temporal is asked with `deadline` (epoch ms). */
  async state(deadline: number): Promise<WorkerPresenceState> {
    const { TEMPORAL_NAMESPACE: namespace, TEMPORAL_TASK_QUEUE: taskQueue } = this.config;
    const { pollers } = await this.client.withDeadline(deadline, () =>
      this.client.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
    const now = Date.now();
    const polling = (pollers ?? [])
      .filter((poller) => now - Number(poller.lastAccessTime?.seconds ?? 0) * 1000 < LIVE_POLLER_MS)
      .flatMap((poller) => (poller.identity ? [poller.identity] : []));
    if (polling.length === 0) return 'none_polling';
    return (await this.heartbeats.aliveAmong(polling, LIVE_HEARTBEAT_MS)).length > 0 ? 'live' : 'silent';
  }

  /** True when the state is `live`. */
  async isLive(deadline: number): Promise<boolean> {
    return (await this.state(deadline)) === 'live';
  }
}

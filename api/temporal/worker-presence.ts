import { Injectable } from '@nestjs/common';
import { WorkerHeartbeatsRepository } from '../../persistence/repositories/worker-heartbeats.repository';
import { classifyOutage, dependencyUnavailableError, temporalOutage } from '../common/dependency-errors';
import { AppConfig } from '../config/app-config';
import { isWorkerWaitTimeout, noWorkerError } from './temporal-errors';
import { TemporalGateway } from './temporal-gateway';

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
    private readonly temporal: TemporalGateway,
    private readonly heartbeats: WorkerHeartbeatsRepository,
    private readonly config: AppConfig,
  ) {}

  /** The state of the task queue's workers; Temporal is asked with `deadline` (epoch ms). */
  async state(deadline: number): Promise<WorkerPresenceState> {
    const now = Date.now();
    const polling = (await this.temporal.pollers(deadline))
      .filter((poller) => now - poller.lastSeenMs < LIVE_POLLER_MS)
      .map((poller) => poller.identity);
    if (polling.length === 0) return 'none_polling';
    return (await this.heartbeats.aliveAmong(polling, LIVE_HEARTBEAT_MS)).length > 0 ? 'live' : 'silent';
  }

  /** True when the state is `live`. */
  async isLive(deadline: number): Promise<boolean> {
    return (await this.state(deadline)) === 'live';
  }

  /**
   * The test an action passes before anything is sent, started now: 503 `worker_unavailable` when no worker serves
   * the task queue, 503 `dependency_unavailable` when Temporal cannot be reached within `UPDATE_WAIT_MS`. Asked
   * afresh for each action, so a 503 means nothing was sent. A caller with other work to do first (the action's scope
   * read) awaits it after that, so its round trip adds nothing (issue 13 item 3); a check never awaited (the action
   * was refused before sending: 404, 409) is no unhandled rejection.
   */
  check(): Promise<void> {
    const check = this.assertServed();
    check.catch(() => undefined); // observed here; the caller awaits `check` itself and gets its error
    return check;
  }

  private async assertServed(): Promise<void> {
    const { TEMPORAL_TASK_QUEUE, TEMPORAL_ADDRESS, UPDATE_WAIT_MS } = this.config;
    let live: boolean;
    try {
      live = await this.isLive(Date.now() + UPDATE_WAIT_MS);
    } catch (error) {
      // Nothing was sent yet: a server that cannot be reached (or does not answer in time) is an outage.
      const outage =
        classifyOutage(error, TEMPORAL_ADDRESS) ??
        (isWorkerWaitTimeout(error) ? temporalOutage(TEMPORAL_ADDRESS, true) : undefined);
      if (outage) throw dependencyUnavailableError(outage);
      throw error;
    }
    if (!live) throw noWorkerError(TEMPORAL_TASK_QUEUE);
  }
}

import { Worker, type WorkerOptions } from '@temporalio/worker';
import type { WorkerHeartbeatsRepository } from '../persistence/repositories/worker-heartbeats.repository';

/**
 * How often a running worker records that it is alive. The API counts a worker as live while its last heartbeat is
 * younger than three of these (api/temporal/worker-presence.ts), so one late write under load is not an outage.
 */
export const HEARTBEAT_EVERY_MS = 5_000;

/**
 * The SDK's worker, which also says in PostgreSQL that it is alive (`worker_heartbeats`, under its Temporal identity)
 * every {@link HEARTBEAT_EVERY_MS} while it runs, and takes that back as soon as it starts shutting down: the API's
 * worker check then follows the process within seconds, where Temporal's poller records outlive a dead worker by a
 * minute or more (a poller's time is refreshed only as each long poll starts and ends).
 */
export class HeartbeatingWorker extends Worker {
  private heartbeats: WorkerHeartbeatsRepository | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastBeat: Promise<void> = Promise.resolve();
  private forgetting: Promise<void> | undefined;

  /** `Worker.create`, recording the heartbeats in `heartbeats`. */
  static async createBeating(
    options: WorkerOptions,
    heartbeats: WorkerHeartbeatsRepository,
  ): Promise<HeartbeatingWorker> {
    const worker = (await HeartbeatingWorker.create(options)) as HeartbeatingWorker;
    worker.heartbeats = heartbeats;
    return worker;
  }

  /** Runs the worker, beating from the start until it stops. */
  override async run(): Promise<void> {
    this.beat();
    this.timer = setInterval(() => this.beat(), HEARTBEAT_EVERY_MS).unref();
    try {
      await super.run();
    } finally {
      await this.stopBeating();
    }
  }

  /** Shuts down (the SDK refuses unless it runs): it takes no new tasks, so it stops counting as live at once. */
  override shutdown(): void {
    super.shutdown();
    void this.stopBeating();
  }

  private beat(): void {
    if (!this.heartbeats) return;
    this.lastBeat = this.heartbeats.beat(this.options.identity).catch((error: unknown) => {
      this.logger.warn('the heartbeat could not be recorded (the API may count this worker as gone)', {
        error: (error as Error)?.message ?? String(error),
      });
    });
  }

  /** Stops the heartbeats and deletes this worker's, after a write under way (once, however often it is called). */
  private stopBeating(): Promise<void> {
    clearInterval(this.timer);
    const heartbeats = this.heartbeats;
    this.forgetting ??= this.lastBeat
      .then(() => heartbeats?.forget(this.options.identity))
      .catch(() => {
        // A row left behind goes stale by itself within seconds.
      });
    return this.forgetting;
  }
}

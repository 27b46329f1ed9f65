import type { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { WorkerHeartbeatsRepository } from '../persistence/repositories/worker-heartbeats.repository';
import { createActivities } from '../activities';
import type { ActivityDeps } from '../activities';
import type { TreasuryGateway } from '../activities/treasury/treasury-gateway';
import { HeartbeatingWorker } from './heartbeating-worker';

export interface ParkflowWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** Where payments go; by default the local stack's recording gateway. */
  treasury?: TreasuryGateway;
  /** Email delivery of notices; by default none (inbox only). */
  notices?: ActivityDeps['notices'];
  /** Told how late each system event of a case's schedule was recorded (worker/schedule-lag-monitor.ts). */
  onScheduleLag?: ActivityDeps['onScheduleLag'];
  /** The document sweep's bucket and grace (worker/document-sweep-schedule.ts starts it); none: no sweep here. */
  documentSweep?: ActivityDeps['documentSweep'];
  /** The bound of the workflow cache (WORKER_MAX_CACHED_WORKFLOWS); by default the SDK's, sized from the heap. */
  maxCachedWorkflows?: number;
  /** Test tuning: fail a workflow on any error (a bug surfaces at once), no workflow cache, a short grace time. */
  overrides?: Pick<
    WorkerOptions,
    'workflowFailureErrorTypes' | 'maxCachedWorkflows' | 'shutdownGraceTime' | 'shutdownForceTime'
  >;
  /** A prebuilt bundle (tests share one); by default the workflows are bundled from source. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/** On shutdown, in-flight tasks get this long to finish (then activities are cancelled). */
export const SHUTDOWN_GRACE_MS = 10_000;
/** Past this, the SDK gives up on a graceful shutdown (`run()` rejects with GracefulShutdownPeriodExpiredError). */
export const SHUTDOWN_FORCE_MS = SHUTDOWN_GRACE_MS + 5_000;

/**
 * The parkflow worker: the case workflows and the activities that persist and notify; while it runs it says so in
 * PostgreSQL (worker/heartbeating-worker.ts) under an identity of its own — two workers of one process (tests) too.
 */
export function createParkflowWorker(deps: ParkflowWorkerDeps): Promise<Worker> {
  return HeartbeatingWorker.createBeating(workerOptions(deps), new WorkerHeartbeatsRepository(deps.dataSource));
}

function workerOptions(deps: ParkflowWorkerDeps): WorkerOptions {
  return {
    identity: `${process.pid}@${hostname()}/${randomUUID().slice(0, 8)}`,
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    ...(deps.workflowBundle
      ? { workflowBundle: deps.workflowBundle }
      : { workflowsPath: require.resolve('../workflows') }),
    activities: createActivities({
      dataSource: deps.dataSource,
      treasury: deps.treasury,
      notices: deps.notices,
      onScheduleLag: deps.onScheduleLag,
      documentSweep: deps.documentSweep,
    }),
    shutdownGraceTime: SHUTDOWN_GRACE_MS,
    shutdownForceTime: SHUTDOWN_FORCE_MS,
    ...(deps.maxCachedWorkflows ? { maxCachedWorkflows: deps.maxCachedWorkflows } : {}),
    ...deps.overrides,
  };
}

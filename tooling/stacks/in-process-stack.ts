import { runObjectStoreEnv } from '../object-store/run-object-store';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadAppConfig, type AppConfig } from '../../api/config/app-config';
import { TemporalGateway } from '../../api/temporal/temporal-gateway';
import { WorkerPresence } from '../../api/temporal/worker-presence';
import { WorkerHeartbeatsRepository } from '../../persistence/repositories/worker-heartbeats.repository';
import { createApp } from '../../api/create-app';
import { createDataSource } from '../../persistence/data-source';
import type { TreasuryGateway } from '../../activities/treasury/treasury-gateway';
import { createParkflowWorker, type ParkflowWorkerDeps } from '../../worker/create-worker';
import { eventually } from '../eventually';
import { installQuietRuntime } from '../temporal/quiet-runtime';
import { startDevServerEnvironment } from '../temporal/test-environments';
import { httpStack, type HttpStack } from '../http/http-calls';
import { sharedWorkflowBundle } from '../run-artifacts/workflow-bundle';
import { startSeaweedfs, type SeaweedfsService } from '../object-store/seaweedfs';

const JWT_SECRET = 'e2e-test-secret-0123456789';

/** The whole stack in one process: Temporal dev server, PostgreSQL, a worker, and the API on a real port. */
export interface Stack extends HttpStack {
  env: TestWorkflowEnvironment;
  baseUrl: string;
  dataSource: DataSource;
  /** The API application (e.g. to build a second instance's configuration from `config`). */
  app: NestExpressApplication;
  config: ReturnType<typeof loadAppConfig>;
  /** Shuts the worker down, as SIGTERM does: it says so (its heartbeat goes), and the API stops sending actions. */
  stopWorker(): Promise<void>;
  /**
   * The worker dies without a word (kill -9): nobody takes tasks, while its last heartbeat and Temporal's poller
   * record still say it is there — the seconds in which the API sends an action and can only answer 202.
   */
  crashWorker(): Promise<void>;
  /** Starts a worker again (after {@link stopWorker}, or when none runs), and waits until the API counts it live. */
  startWorker(): Promise<void>;
  /** The documents' object store, when the stack was started with one ({@link StackOptions.objectStore}). */
  objectStore?: SeaweedfsService;
  teardown(): Promise<void>;
}

/** Starts the stack (see {@link StackOptions}). */
export interface StackOptions {
  updateWaitMs?: number;
  /** false starts no worker, to see how the API behaves when none polls. */
  withWorker?: boolean;
  /** More API configuration (environment variables). */
  env?: Record<string, string>;
  /** Where the worker hands payments; by default the recording gateway. */
  treasury?: TreasuryGateway;
  /** The worker's email delivery of notices (e.g. to an SmtpSink); by default none (inbox only). */
  notices?: ParkflowWorkerDeps['notices'];
  /**
   * The Temporal server: by default a dev server of its own (SQLite in memory); `devServer` tunes it (a SQLite file,
   * more `temporal server start-dev` arguments), `address` uses a server that runs already (e.g. the cluster's).
   */
  temporal?: { address: string } | { devServer: { dbFilename?: string; extraArgs?: string[] } };
  /**
   * A SeaweedFS of its own (issue 25) for the documents' endpoints, in a temporary directory — for a test that stops
   * it. Without one (the default: it takes seconds to start) the stack uses the test run's store (the global set-up's,
   * `OBJECT_STORE_*`), or, where none runs, those endpoints answer 503 naming object_store.
   */
  objectStore?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  installQuietRuntime();
  const storeDir = options.objectStore ? mkdtempSync(join(tmpdir(), 'parkflow-objects-')) : undefined;
  const storeStarting = storeDir ? startSeaweedfs({ dir: storeDir }) : undefined; // beside Temporal's start
  const temporal = options.temporal;
  const env =
    temporal && 'address' in temporal
      ? await TestWorkflowEnvironment.createFromExistingServer({ address: temporal.address, namespace: 'default' })
      : await startDevServerEnvironment(temporal?.devServer);
  const address = env.connection.options.address;
  const taskQueue = 'parkflow-e2e';
  const objectStore = await storeStarting;
  const config = loadAppConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: process.env.DATABASE_URL,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    AUTH_JWT_SECRET: JWT_SECRET,
    UPDATE_WAIT_MS: String(options.updateWaitMs ?? 15_000),
    ...(objectStore?.connection ?? runObjectStoreEnv()),
    ...options.env,
  });
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  const heartbeats = new WorkerHeartbeatsRepository(dataSource);
  const presence = new WorkerPresence(new TemporalGateway(env.client, config as AppConfig), heartbeats, config);
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const startWorker = async (): Promise<void> => {
    if (worker?.getState() === 'RUNNING') return;
    worker = await createParkflowWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      dataSource,
      workflowBundle: await sharedWorkflowBundle(),
      treasury: options.treasury,
      notices: options.notices,
    });
    running = worker.run();
    await eventually(() => presence.isLive(Date.now() + 5_000), 'the started worker to count as live', 30_000);
  };
  if (options.withWorker !== false) await startWorker();
  const app: NestExpressApplication = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();

  const stopWorker = async (): Promise<void> => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
  };
  const crashWorker = async (): Promise<void> => {
    const identity = worker?.options.identity;
    await stopWorker();
    if (identity) await heartbeats.beat(identity); // the row a killed process leaves behind
  };
  return {
    env,
    baseUrl,
    dataSource,
    app,
    config,
    stopWorker,
    crashWorker,
    startWorker,
    objectStore,
    ...httpStack(baseUrl, JWT_SECRET),
    async teardown() {
      await app.close();
      await stopWorker();
      await dataSource.destroy();
      await env.teardown();
      await objectStore?.stop();
      if (storeDir) rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

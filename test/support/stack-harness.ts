import type { NestExpressApplication } from '@nestjs/platform-express';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { loadAppConfig } from '../../api/config/app-config';
import { createApp } from '../../api/create-app';
import { createDataSource } from '../../persistence/data-source';
import type { TreasuryGateway } from '../../activities/treasury/treasury-gateway';
import { createParkflowWorker, type ParkflowWorkerDeps } from '../../worker/create-worker';
import { PARK_CASE_SEARCH_ATTRIBUTES } from '../../workflows/definitions/search-attributes';
import { installQuietRuntime } from './quiet-runtime';
import { devServerExecutable } from './temporal-executables';
import { httpStack, type HttpStack } from './http-calls';

const JWT_SECRET = 'e2e-test-secret-0123456789';

/** The whole stack in one process: Temporal dev server, PostgreSQL, a worker, and the API on a real port. */
export interface Stack extends HttpStack {
  env: TestWorkflowEnvironment;
  baseUrl: string;
  dataSource: DataSource;
  /** The API application (e.g. to build a second instance's configuration from `config`). */
  app: NestExpressApplication;
  config: ReturnType<typeof loadAppConfig>;
  /** Shuts the worker down (the server keeps its poller records for a while): nobody takes tasks. */
  stopWorker(): Promise<void>;
  /** Starts a worker again (after {@link stopWorker}, or when the stack started without one). */
  startWorker(): Promise<void>;
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
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  installQuietRuntime();
  const temporal = options.temporal;
  const env =
    temporal && 'address' in temporal
      ? await TestWorkflowEnvironment.createFromExistingServer({ address: temporal.address, namespace: 'default' })
      : await TestWorkflowEnvironment.createLocal({
          server: {
            executable: devServerExecutable(),
            searchAttributes: [...PARK_CASE_SEARCH_ATTRIBUTES],
            ...temporal?.devServer,
          },
        });
  const address = env.connection.options.address;
  const taskQueue = 'parkflow-e2e';
  const config = loadAppConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: process.env.DATABASE_URL,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    AUTH_JWT_SECRET: JWT_SECRET,
    UPDATE_WAIT_MS: String(options.updateWaitMs ?? 15_000),
    ...options.env,
  });
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const startWorker = async (): Promise<void> => {
    if (worker?.getState() === 'RUNNING') return;
    worker = await createParkflowWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      dataSource,
      treasury: options.treasury,
      notices: options.notices,
    });
    running = worker.run();
  };
  if (options.withWorker !== false) await startWorker();
  const app: NestExpressApplication = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();

  const stopWorker = async (): Promise<void> => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
  };
  return {
    env,
    baseUrl,
    dataSource,
    app,
    config,
    stopWorker,
    startWorker,
    ...httpStack(baseUrl, JWT_SECRET),
    async teardown() {
      await app.close();
      await stopWorker();
      await dataSource.destroy();
      await env.teardown();
    },
  };
}

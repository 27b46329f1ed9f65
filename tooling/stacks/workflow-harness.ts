import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SmtpNoticeMailer } from '../../activities/notices/mailer';
import type { TreasuryGateway } from '../../activities/treasury/treasury-gateway';
import { createDataSource } from '../../persistence/data-source';
import { createParkflowWorker, type ParkflowWorkerDeps } from '../../worker/create-worker';
import { sharedWorkflowBundle } from '../run-artifacts/workflow-bundle';
import type { ParkApplication } from '../../workflows/definitions/application';
import type { ParkCaseInput } from '../../workflows/definitions/case';
import {
  PARK_CASE_WORKFLOW_TYPE,
  parkCaseWorkflowId,
  submitApplicationUpdate,
} from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { DISTRICT_KEY, PARK_CASE_SEARCH_ATTRIBUTES } from '../../workflows/definitions/search-attributes';
import { startTimeSkippingEnvironment } from '../temporal/test-environments';
import type { parkCaseWorkflow } from '../../workflows';

const INDEXED_TYPE = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
};

/** A time-skipping server, a worker with the real activities, and PostgreSQL (from the global setup). */
export interface WorkflowHarness {
  env: TestWorkflowEnvironment;
  client: Client;
  dataSource: DataSource;
  taskQueue: string;
  /** Stops the harness's own worker, for tests that run workers of their own. */
  stopSharedWorker(): Promise<void>;
  /**
   * What a test's own worker needs to email through the SMTP server at `smtpUrl` with no workflow cache and a short
   * shutdown grace, so that stopping it mid-send and starting the next one replays the case from its history.
   */
  uncachedWorkerDeps(smtpUrl: string): ParkflowWorkerDeps;
  teardown(): Promise<void>;
}

export async function startWorkflowHarness(
  options: {
    treasury?: TreasuryGateway;
    taskQueuePrefix?: string;
    notices?: ParkflowWorkerDeps['notices'];
    /** A database of the file's own (see own-database.ts); by default the suites' shared one. */
    databaseUrl?: string;
  } = {},
): Promise<WorkflowHarness> {
  const env = await startTimeSkippingEnvironment();
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(PARK_CASE_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_TYPE[key.type]])),
  });
  const dataSource = await createDataSource(options.databaseUrl ?? (process.env.DATABASE_URL as string)).initialize();
  const workflowBundle = await sharedWorkflowBundle();
  const taskQueue = `${options.taskQueuePrefix ?? 'test'}-${randomUUID()}`;
  // One worker for the whole file: a worker that stops keeps its cases on its sticky queue, and the
  // time-skipping server would wait for that worker instead of handing the task to the next one.
  const worker = await createParkflowWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    dataSource,
    workflowBundle,
    treasury: options.treasury,
    notices: options.notices,
    overrides: { workflowFailureErrorTypes: { '*': ['Error'] } },
  });
  const running = worker.run();
  return {
    env,
    client: env.client,
    dataSource,
    taskQueue,
    async stopSharedWorker() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
    uncachedWorkerDeps: (smtpUrl) => ({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      dataSource,
      workflowBundle,
      notices: { mailer: new SmtpNoticeMailer(smtpUrl, 'parkflow <notices@parkflow.test>'), municipalEmails: [] },
      overrides: { maxCachedWorkflows: 0, shutdownGraceTime: '100ms' },
    }),
    async teardown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await dataSource.destroy();
      await env.teardown();
    },
  };
}

/**
 * Files `application` as a new case the way the API does (Update-with-Start), returning ids and outcome; `settings`
 * are the case input's settings the API takes from its configuration (time scale, an adjustable policy clock).
 */
export async function fileApplication(
  h: WorkflowHarness,
  application: ParkApplication,
  settings: Partial<Pick<ParkCaseInput, 'policyTimeScale' | 'policyClockAdjustable'>> = {},
) {
  const caseId = randomUUID();
  const input: ParkCaseInput = {
    caseId,
    district: application.district,
    parkName: application.parkName,
    policy: DEFAULT_POLICY,
    policyTimeScale: 1,
    ...settings,
  };
  const workflowId = parkCaseWorkflowId(caseId);
  const outcome = await h.client.workflow.executeUpdateWithStart(submitApplicationUpdate, {
    args: [{ application, actor: { id: 'district-officer', role: 'district', district: application.district } }],
    startWorkflowOperation: new WithStartWorkflowOperation(PARK_CASE_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: h.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: [{ key: DISTRICT_KEY, value: application.district }],
    }),
  });
  return { caseId, workflowId, outcome, handle: h.client.workflow.getHandle<typeof parkCaseWorkflow>(workflowId) };
}

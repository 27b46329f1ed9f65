import { WithStartWorkflowOperation } from '@temporalio/client';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port';
import type { ParkCaseInput } from '../../workflows/definitions/case';
import { BUSINESS_GAUGES, SDK_SERIES, SDK_SERIES_AFTER_WORK, WORKER_SERIES } from '../../worker/metrics/series';
import {
  PARK_CASE_WORKFLOW_TYPE,
  parkCaseWorkflowId,
  submitApplicationUpdate,
} from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { DISTRICT_KEY } from '../../workflows/definitions/search-attributes';
import { eventually } from '../../tooling/eventually';
import { validApplication } from '../../tooling/fixtures/applications';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { declaredHelps, declaredTypes, sampleValue, samplesOf } from '../support/metrics/prometheus-text';
import { startDevServerEnvironment } from '../../tooling/temporal/test-environments';
import { compiledBuild } from '../support/jest/compiled-build';

/**
 * Issue 12 item 3: the real worker process (`node dist/worker/main.js`, whose Temporal runtime is installed with the
 * SDK's Prometheus exporter — once per process, hence a child process) serves the business gauges, Node's metrics
 * and the SDK's metrics on `WORKER_METRICS_PORT`, and closes the endpoint on SIGTERM. Its database is this test's
 * own, so the gauges' values are exact.
 */
const root = join(__dirname, '..', '..');
const BUILD_DIR = compiledBuild();

let env: TestWorkflowEnvironment;
let database: OwnDatabase;
let worker: ChildProcess | undefined;
let output = '';
beforeAll(async () => {
  database = await createOwnDatabase('worker_metrics_process');
  env = await startDevServerEnvironment();
});
afterAll(async () => {
  if (worker?.exitCode === null && worker.signalCode === null) process.kill(-worker.pid!, 'SIGKILL');
  await env?.teardown();
  await database?.drop();
});

const logMessages = (): string[] =>
  output.split('\n').flatMap((line) => {
    try {
      return [(JSON.parse(line) as { message: string }).message];
    } catch {
      return [];
    }
  });

/** Scrapes `url` until `done` holds for its text; the last text on success. */
async function scrapeUntil(url: string, done: (text: string) => boolean, what: string): Promise<string> {
  let text = '';
  await eventually(
    async () => {
      if (worker!.exitCode !== null) throw new Error(`the worker exited:\n${output}`);
      text = await fetch(url).then(
        (response) => (response.ok ? response.text() : ''),
        () => '',
      );
      return done(text);
    },
    what,
    60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last scrape:\n${text}\nworker output:\n${output}`);
  });
  return text;
}

const missing = (text: string, names: readonly string[]): string[] =>
  names.filter((name) => !declaredTypes(text).includes(name));

describe("the worker process's GET /metrics", () => {
  it('serves every series the ops guide names, SDK ones included, and closes on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/metrics`;
    const taskQueue = `parkflow-metrics-${randomUUID()}`;
    worker = spawn(process.execPath, [join(BUILD_DIR, 'worker', 'main.js')], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        TEMPORAL_ADDRESS: env.connection.options.address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKER_METRICS_PORT: String(port),
        SMTP_URL: '',
      },
    });
    worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker!.once('exit', (code) => resolve(code)));

    // The SDK's series appear once the worker polls.
    let text = await scrapeUntil(url, (t) => missing(t, WORKER_SERIES).length === 0, 'every WORKER_SERIES family');
    expect(sampleValue(text, BUSINESS_GAUGES.sourceUp, { source: 'postgres' })).toBe(1);
    expect(sampleValue(text, BUSINESS_GAUGES.sourceUp, { source: 'temporal_sdk' })).toBe(1);
    expect(sampleValue(text, BUSINESS_GAUGES.cases, { stage: 'submitted' })).toBe(0);
    // Each SDK family has samples, not only its declaration (a histogram's are `_bucket`, `_sum`, `_count`).
    const sampled = new Set(samplesOf(text).map((sample) => sample.name.replace(/_(bucket|sum|count)$/, '')));
    expect(SDK_SERIES.filter((name) => !sampled.has(name))).toEqual([]);
    // The SDK's own exporter listens on loopback only; Prometheus reaches its text through this endpoint.
    expect(output).toMatch(/"message":"metrics served"[^\n]*"sdkExporter":"127\.0\.0\.1:\d+"/);

    // One filing: a workflow task and the activities that record it.
    const application = validApplication();
    const caseId = randomUUID();
    const input: ParkCaseInput = {
      caseId,
      district: application.district,
      parkName: application.parkName,
      policy: DEFAULT_POLICY,
      policyTimeScale: 1,
    };
    await env.client.workflow.executeUpdateWithStart(submitApplicationUpdate, {
      args: [{ application, actor: { id: 'district-officer', role: 'district', district: application.district } }],
      startWorkflowOperation: new WithStartWorkflowOperation(PARK_CASE_WORKFLOW_TYPE, {
        workflowId: parkCaseWorkflowId(caseId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        typedSearchAttributes: [{ key: DISTRICT_KEY, value: application.district }],
      }),
    });
    text = await scrapeUntil(
      url,
      (t) =>
        missing(t, SDK_SERIES_AFTER_WORK).length === 0 &&
        sampleValue(t, BUSINESS_GAUGES.cases, { stage: 'submitted' }) === 1,
      'the filing in the gauges and every SDK_SERIES_AFTER_WORK family',
    );
    expect(
      sampleValue(text, BUSINESS_GAUGES.casesByDistrict, { district: application.district, stage: 'submitted' }),
    ).toBe(1);
    expect(declaredTypes(text).length).toBe(new Set(declaredTypes(text)).size);
    expect(declaredHelps(text).length).toBe(new Set(declaredHelps(text)).size);

    process.kill(worker.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(logMessages()).toEqual(expect.arrayContaining(['metrics endpoint closed', 'exiting']));
    await expect(fetch(url)).rejects.toThrow();
  });
});

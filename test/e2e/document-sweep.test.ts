import { CreateMultipartUploadCommand } from '@aws-sdk/client-s3';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  createDocumentSweepActivities,
  type DocumentSweepDeps,
} from '../../activities/documents/document-sweep.activities';
import { createDataSource } from '../../persistence/data-source';
import { DocumentObjects, s3ClientOf } from '../../persistence/object-store/document-objects';
import { CaseDocumentsRepository } from '../../persistence/repositories/case-documents.repository';
import type { SweepRemoval } from '../../persistence/repositories/document-sweep-removals.repository';
import { eventually } from '../../tooling/eventually';
import { startSeaweedfs, type SeaweedfsService } from '../../tooling/object-store/seaweedfs';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { sharedWorkflowBundle } from '../../tooling/run-artifacts/workflow-bundle';
import { startDevServerEnvironment } from '../../tooling/temporal/test-environments';
import { createParkflowWorker } from '../../worker/create-worker';
import { DOCUMENT_SWEEP_SCHEDULE_ID, ensureDocumentSweepSchedule } from '../../worker/document-sweep-schedule';

/**
 * Issue 25 item 5 on a real SeaweedFS, PostgreSQL and Temporal dev server: the hourly `document-sweep` Schedule's run
 * removes a stray object, a pending paper its case never recorded and an unfinished upload — each recorded in
 * document_sweep_removals — marks a paper its case did record, keeps what is younger than the grace, and removes
 * nothing twice when run again. A database of its own: the sweep removes every stale pending row it sees.
 */
const TASK_QUEUE = 'document-sweep-e2e';
const GRACE_MS = 3_600_000;
let dir: string;
let store: SeaweedfsService;
let database: OwnDatabase;
let dataSource: DataSource;
let objects: DocumentObjects;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
/** The sweep's "now": moved past the grace of what the test made stale. */
let sweepNow = new Date();
const logged: SweepRemoval[] = [];
const sweepDeps = (): Omit<DocumentSweepDeps, 'dataSource'> => ({
  objects,
  graceMs: GRACE_MS,
  clock: () => sweepNow,
  onRemoved: (removal) => logged.push(removal),
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkflow-sweep-'));
  [store, database, env] = await Promise.all([
    startSeaweedfs({ dir }),
    createOwnDatabase('document_sweep'),
    startDevServerEnvironment(),
  ]);
  dataSource = await createDataSource(database.url).initialize();
  objects = new DocumentObjects(store.connection);
  worker = await createParkflowWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    dataSource,
    workflowBundle: await sharedWorkflowBundle(),
    documentSweep: sweepDeps(),
  });
  running = worker.run();
});
afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
  objects?.close();
  await dataSource?.destroy();
  await database?.drop();
  await store?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const documents = () => new CaseDocumentsRepository(dataSource);
const bytes = (text: string) => Buffer.from(`%PDF-1.7 ${text}`);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** An object in the bucket under a fresh key. */
async function storedObject(): Promise<string> {
  const key = `documents/${randomUUID()}`;
  await objects.put(key, bytes(key), 'application/pdf', sha256(bytes(key)));
  return key;
}

/** A pending paper of a case of its own: its row, then its object (as the API stores one). */
async function pendingPaper(): Promise<{ documentId: string; caseId: string; objectKey: string }> {
  const paper = { documentId: randomUUID(), caseId: randomUUID(), objectKey: `documents/${randomUUID()}` };
  const data = bytes(paper.objectKey);
  await documents().insertPending({
    ...paper,
    purpose: 'feasibility_report',
    sha256: sha256(data),
    size: data.length,
    contentType: 'application/pdf',
    fileName: 'report.pdf',
  });
  await objects.put(paper.objectKey, data, 'application/pdf', sha256(data));
  return paper;
}

/** The read model's row of a case whose snapshot records `documentId` (the change record that marks it was lost). */
async function caseRecording(caseId: string, documentId: string): Promise<void> {
  const recorded = { documentId, uploadedBy: 'district-500112', uploadedAt: '2026-12-07T09:00:00.000+08:00' };
  await dataSource.query(
    `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, opened_at, updated_at)
     VALUES ($1, '500112', '渝北人力资源服务产业园', 'submitted', 1, $2::jsonb, now(), now())`,
    [caseId, JSON.stringify({ caseId, documents: [recorded] })],
  );
}

/** A multipart upload begun and left (its API process died), through the store's own S3 API. */
async function unfinishedUpload(): Promise<string> {
  const s3 = s3ClientOf(store.connection);
  try {
    const key = `documents/${randomUUID()}`;
    await s3.send(new CreateMultipartUploadCommand({ Bucket: store.connection.OBJECT_STORE_BUCKET, Key: key }));
    return key;
  } finally {
    s3.destroy();
  }
}

async function keysInBucket(): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of objects.list()) keys.push(object.key);
  return keys.sort();
}

async function unfinishedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const upload of objects.unfinishedUploads()) keys.push(upload.key);
  return keys;
}

const removalsRecorded = (): Promise<Array<Record<string, string | null>>> =>
  dataSource.query(
    `SELECT object_key AS "objectKey", reason, document_id AS "documentId", case_id AS "caseId"
     FROM document_sweep_removals ORDER BY reason, object_key`,
  );

/** Triggers the Schedule now and answers the run's result. */
async function sweepOnce(): Promise<unknown> {
  const handle = env.client.schedule.getHandle(DOCUMENT_SWEEP_SCHEDULE_ID);
  const before = (await handle.describe()).info.recentActions.length;
  await handle.trigger();
  let workflowId = '';
  await eventually(async () => {
    const actions = (await handle.describe()).info.recentActions;
    workflowId = actions.length > before ? (actions.at(-1)?.action.workflow.workflowId ?? '') : '';
    return workflowId !== '';
  }, 'the triggered sweep to start');
  return env.client.workflow.getHandle(workflowId).result();
}

/** Waits until the wall clock is past the next whole second: the store's times have whole seconds. */
async function nextWholeSecond(): Promise<Date> {
  const boundary = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
  await eventually(() => Date.now() >= boundary.getTime(), 'the next whole second', 5_000);
  return boundary;
}

describe('the document sweep (issue 25 item 5, R-DOC-1)', () => {
  it('is an hourly Schedule every worker sets idempotently: created once, then brought up to date', async () => {
    expect(await ensureDocumentSweepSchedule(env.client, TASK_QUEUE)).toBe('created');
    expect(await ensureDocumentSweepSchedule(env.client, TASK_QUEUE)).toBe('updated');
    const described = await env.client.schedule.getHandle(DOCUMENT_SWEEP_SCHEDULE_ID).describe();
    expect(described.spec.intervals).toMatchObject([{ every: 3_600_000 }]);
    expect(described.action).toMatchObject({ workflowType: 'documentSweepWorkflow', taskQueue: TASK_QUEUE });
    expect(described.policies.overlap).toBe('SKIP');
  });

  it('removes and records what is past the grace, marks what its case recorded, keeps what is fresh', async () => {
    const stray = await storedObject();
    const neverRecorded = await pendingPaper();
    const recordedByCase = await pendingPaper();
    await caseRecording(recordedByCase.caseId, recordedByCase.documentId);
    const kept = await pendingPaper();
    const uploadedAt = '2026-12-07T09:00:00.000+08:00';
    await documents().markRecorded([{ documentId: kept.documentId, uploadedBy: 'district-500112', uploadedAt }]);
    const abandoned = await unfinishedUpload();
    const boundary = await nextWholeSecond();
    const freshStray = await storedObject();
    const freshPending = await pendingPaper();
    sweepNow = new Date(boundary.getTime() + GRACE_MS);

    expect(await sweepOnce()).toEqual({ strayObjects: 1, neverRecorded: 1, markedRecorded: 1, unfinishedUploads: 1 });
    expect(await keysInBucket()).toEqual(
      [recordedByCase.objectKey, kept.objectKey, freshStray, freshPending.objectKey].sort(),
    );
    expect(await unfinishedKeys()).toEqual([]);
    expect(await documents().find(neverRecorded.documentId)).toBeUndefined();
    expect(await documents().find(recordedByCase.documentId)).toMatchObject({
      status: 'recorded',
      uploadedBy: 'district-500112',
    });
    expect(await documents().find(freshPending.documentId)).toMatchObject({ status: 'pending' });
    const removals = [
      { reason: 'never_recorded', ...neverRecorded },
      { objectKey: stray, reason: 'stray_object', documentId: null, caseId: null },
      { objectKey: abandoned, reason: 'unfinished_upload', documentId: null, caseId: null },
    ].map(({ objectKey, reason, documentId, caseId }) => ({ objectKey, reason, documentId, caseId }));
    expect(await removalsRecorded()).toEqual(removals);
    expect(logged.map((removal) => removal.objectKey).sort()).toEqual(
      [stray, neverRecorded.objectKey, abandoned].sort(),
    );

    // Run again: nothing more to remove, nothing recorded twice.
    expect(await sweepOnce()).toEqual({ strayObjects: 0, neverRecorded: 0, markedRecorded: 0, unfinishedUploads: 0 });
    expect(await removalsRecorded()).toEqual(removals);
  });

  it('re-run after a crash between recording a removal and doing it, removes it once and records it once', async () => {
    const stray = await storedObject();
    await nextWholeSecond();
    sweepNow = new Date(Date.now() + GRACE_MS);
    const crashing = createDocumentSweepActivities({
      dataSource,
      ...sweepDeps(),
      objects: Object.assign(Object.create(objects) as DocumentObjects, {
        remove: () => Promise.reject(new Error('the worker died here')),
      }),
    });
    await expect(crashing.sweepStrayDocuments()).rejects.toThrow('the worker died here');
    expect(await keysInBucket()).toContain(stray);

    const report = await createDocumentSweepActivities({ dataSource, ...sweepDeps() }).sweepStrayDocuments();
    expect(report).toMatchObject({ strayObjects: expect.any(Number) });
    expect(await keysInBucket()).not.toContain(stray);
    const recorded = await removalsRecorded();
    expect(recorded.filter((removal) => removal.objectKey === stray)).toEqual([
      { objectKey: stray, reason: 'stray_object', documentId: null, caseId: null },
    ]);
  });
});

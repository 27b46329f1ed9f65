import type { DataSource } from 'typeorm';
import type { DocumentObjects, ListedObject, UnfinishedUpload } from '../../persistence/object-store/document-objects';
import { CaseDocumentsRepository } from '../../persistence/repositories/case-documents.repository';
import {
  DocumentSweepRemovalsRepository,
  type SweepRemoval,
} from '../../persistence/repositories/document-sweep-removals.repository';
import { planSweep, type SweepFacts } from './sweep-plan';

export interface DocumentSweepDeps {
  dataSource: DataSource;
  /** The documents' bucket. */
  objects: DocumentObjects;
  /** What is younger than this is never touched (DOCUMENT_SWEEP_GRACE_SECONDS): an upload in flight. */
  graceMs: number;
  /** Told each removal as it is done (the worker logs a line). */
  onRemoved?: (removal: SweepRemoval) => void;
  /** The sweep's "now" (tests move it past the grace). */
  clock?: () => Date;
}

/** What one sweep did: how many of each it removed or marked. */
export interface DocumentSweepReport {
  strayObjects: number;
  neverRecorded: number;
  markedRecorded: number;
  unfinishedUploads: number;
}

/** Every object and unfinished upload of the bucket, then the rows: see {@link SweepFacts}. */
async function gatherFacts(dataSource: DataSource, objects: DocumentObjects): Promise<SweepFacts> {
  const listed: ListedObject[] = [];
  for await (const object of objects.list()) listed.push(object);
  const uploads: UnfinishedUpload[] = [];
  for await (const upload of objects.unfinishedUploads()) uploads.push(upload);
  const documents = new CaseDocumentsRepository(dataSource);
  const pending = await documents.pendingPapers();
  return {
    objects: listed,
    keysWithRows: await documents.objectKeysAmong(listed.map((object) => object.key)),
    pending,
    recordedBySnapshots: await documents.recordedBySnapshots(pending.map((paper) => paper.documentId)),
    uploads,
  };
}

/**
 * The document sweep (issue 25 item 5; a Temporal Schedule starts it hourly, worker/document-sweep-schedule.ts):
 * an interrupted upload leaves neither object nor record for long. Each removal is recorded in
 * `document_sweep_removals` *before* it is done, once per key and reason, and every step is idempotent: a sweep
 * re-run after a crash removes nothing twice and fails on nothing (an object or upload gone already is no error).
 */
export function createDocumentSweepActivities({
  dataSource,
  objects,
  graceMs,
  onRemoved,
  clock = () => new Date(),
}: DocumentSweepDeps) {
  const removals = new DocumentSweepRemovalsRepository(dataSource);
  const removed = async (removal: SweepRemoval, remove: () => Promise<void>): Promise<void> => {
    await removals.record(removal);
    await remove();
    onRemoved?.(removal);
  };
  return {
    /** Removes stray objects, pending papers never recorded and unfinished uploads older than the grace. */
    async sweepStrayDocuments(): Promise<DocumentSweepReport> {
      const plan = planSweep(await gatherFacts(dataSource, objects), { now: clock(), graceMs });
      await new CaseDocumentsRepository(dataSource).markRecorded(plan.recorded);
      for (const { key } of plan.strays)
        await removed({ objectKey: key, reason: 'stray_object' }, () => objects.remove(key));
      let neverRecorded = 0;
      for (const { documentId, caseId, objectKey } of plan.neverRecorded) {
        const removal: SweepRemoval = { objectKey, reason: 'never_recorded', documentId, caseId };
        // The row goes first, and only while still pending (the case may record the paper meanwhile): an object is
        // never removed under a recorded row. A crash before the object goes leaves a stray, the next sweep's.
        const forgotten = await dataSource.transaction(async (tx) => {
          if (!(await new CaseDocumentsRepository(tx).removePending(documentId))) return false;
          await new DocumentSweepRemovalsRepository(tx).record(removal);
          return true;
        });
        if (!forgotten) continue;
        await objects.remove(objectKey);
        onRemoved?.(removal);
        neverRecorded += 1;
      }
      for (const { key, uploadId } of plan.unfinished)
        await removed({ objectKey: key, reason: 'unfinished_upload' }, () => objects.abortUpload(key, uploadId));
      return {
        strayObjects: plan.strays.length,
        neverRecorded,
        markedRecorded: plan.recorded.length,
        unfinishedUploads: plan.unfinished.length,
      };
    },
  };
}

import type { ListedObject, UnfinishedUpload } from '../../persistence/object-store/document-objects';
import type { PendingPaper, RecordedDocument } from '../../persistence/repositories/case-documents.repository';

/** What the sweep saw, gathered before it decides (objects first: a row is always written before its object). */
export interface SweepFacts {
  /** Every object of the bucket. */
  objects: readonly ListedObject[];
  /** The keys among {@link objects} that a `case_documents` row names, pending or recorded. */
  keysWithRows: ReadonlySet<string>;
  /** Every pending row. */
  pending: readonly PendingPaper[];
  /** Pending papers that their case's read-model snapshot records (the row missed only its mark). */
  recordedBySnapshots: readonly RecordedDocument[];
  /** Multipart uploads begun and never completed nor aborted. */
  uploads: readonly UnfinishedUpload[];
}

/** What the sweep does, each list in the order it is done. */
export interface SweepPlan {
  /** Objects no row names, older than the grace: removed. */
  strays: ListedObject[];
  /** Pending rows older than the grace that their case never recorded: removed with their object. */
  neverRecorded: PendingPaper[];
  /** Pending rows their case recorded: marked recorded, as the case's change record would have. */
  recorded: RecordedDocument[];
  /** Uploads begun longer ago than the grace and never finished: aborted (their parts go). */
  unfinished: UnfinishedUpload[];
}

/**
 * Decides the sweep (issue 25 item 5), with no I/O. Only what is older than `graceMs` at `now` is touched, so that an
 * upload in flight — its row written, its object being stored, its case's Update being applied — never is; a pending
 * row its case recorded is marked, never removed, whatever its age.
 */
export function planSweep(facts: SweepFacts, { now, graceMs }: { now: Date; graceMs: number }): SweepPlan {
  const olderThanGrace = (at: Date): boolean => now.getTime() - at.getTime() > graceMs;
  const recordedIds = new Set(facts.recordedBySnapshots.map((paper) => paper.documentId));
  return {
    strays: facts.objects.filter(
      (object) => !facts.keysWithRows.has(object.key) && olderThanGrace(object.lastModified),
    ),
    neverRecorded: facts.pending.filter(
      (paper) => !recordedIds.has(paper.documentId) && olderThanGrace(paper.createdAt),
    ),
    recorded: [...facts.recordedBySnapshots],
    unfinished: facts.uploads.filter((upload) => olderThanGrace(upload.initiated)),
  };
}

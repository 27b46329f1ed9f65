import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORIES_DIR = join(__dirname, '..', '..', 'workflows', 'histories');
const { History } = temporal.api.history.v1;

/** The generation of the committed baseline: before the first release there is one (docs/operations.md §6). */
export const BASELINE_GENERATION = 'v1';

/** The cases the workflow tests record, one history each per generation. */
export const RECORDED_CASES = [
  'late-report',
  'returned-then-lapsed',
  'review-and-designation',
  'revoke-refund-closed',
  'ten-year-life-current-run',
] as const;
export type RecordedCase = (typeof RECORDED_CASES)[number];

/** The file a case's history of `generation` is kept in. */
export const historyFile = (name: RecordedCase, generation: string): string => `${name}.${generation}.history.pb`;

/**
 * With RECORD_HISTORIES=<generation> (`GENERATION=v1 npm run record-histories`), saves the current run's history
 * of a case as test/workflows/histories/<name>.<generation>.history.pb (protobuf binary) for the replay test.
 * Before the first release a change that reaches running cases re-records the baseline (v1) in place; after it,
 * each generation is kept beside the baseline (docs/workflow-changes.md).
 */
export async function recordHistory(name: RecordedCase, handle: WorkflowHandle): Promise<void> {
  const generation = process.env.RECORD_HISTORIES;
  if (!generation) return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(
    join(HISTORIES_DIR, historyFile(name, generation)),
    History.encode(History.fromObject(await handle.fetchHistory())).finish(),
  );
}

/** A recorded history, decoded. */
export const readHistory = (bytes: Buffer): temporal.api.history.v1.History => History.decode(bytes);

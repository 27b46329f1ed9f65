import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORIES_DIR = join(__dirname, '..', 'workflows', 'histories');
const { History } = temporal.api.history.v1;

/**
 * With RECORD_HISTORIES=<generation> (`GENERATION=v3 npm run record-histories`), saves the current run's history
 * of a case as test/workflows/histories/<name>.<generation>.history.pb (protobuf binary) for the replay test.
 * Each generation is kept: the histories of cases started under earlier code must still replay after a
 * change behind `patched()`, and those of the current code guard against the next non-deterministic change.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  const generation = process.env.RECORD_HISTORIES;
  if (!generation) return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(
    join(HISTORIES_DIR, `${name}.${generation}.history.pb`),
    History.encode(History.fromObject(await handle.fetchHistory())).finish(),
  );
}

/** A recorded history, decoded. */
export const readHistory = (bytes: Buffer): temporal.api.history.v1.History => History.decode(bytes);

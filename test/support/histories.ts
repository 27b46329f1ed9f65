import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORIES_DIR = join(__dirname, '..', 'workflows', 'histories');
const { History } = temporal.api.history.v1;

/**
 * With RECORD_HISTORIES=1 (`npm run record-histories`), saves the current run's history of a case under
 * test/workflows/histories (protobuf binary) for the replay test: committed histories make a
 * non-deterministic change fail CI.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(join(HISTORIES_DIR, `${name}.history.pb`), History.encode(History.fromObject(await handle.fetchHistory())).finish());
}

/** A recorded history, decoded. */
export const readHistory = (bytes: Buffer): temporal.api.history.v1.History => History.decode(bytes);

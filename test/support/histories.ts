import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORIES_DIR = join(__dirname, '..', 'workflows', 'histories');

/**
 * With RECORD_HISTORIES=1, saves the current run's history of a case under test/workflows/histories, for the
 * replay test (`npm run record-histories`). Committed histories make a non-deterministic change fail CI.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), historyToJSON(await handle.fetchHistory()));
}

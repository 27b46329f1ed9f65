import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedWorkflowBundle } from '../../tooling/run-artifacts/workflow-bundle';
import {
  BASELINE_GENERATION,
  HISTORIES_DIR,
  RECORDED_CASES,
  historyFile,
  readHistory,
} from '../support/workflows/histories';

// The committed baseline (docs/operations.md §6): the histories the workflow tests record (`GENERATION=v1 npm run
// record-histories`), replayed with today's workflow code. A change that is not deterministic for the cases already
// running fails here; before the first release the baseline is then re-recorded, after it a patch keeps the old
// branch (docs/workflow-changes.md).
const files = readdirSync(HISTORIES_DIR)
  .filter((name) => name.endsWith('.history.pb'))
  .sort();

describe('replay of the recorded baseline histories (determinism)', () => {
  it('holds the baseline: one generation of the five recorded cases', () => {
    expect(files).toEqual(RECORDED_CASES.map((name) => historyFile(name, BASELINE_GENERATION)).sort());
  });

  it('replays every history on one workflow bundle without non-determinism', async () => {
    const histories = files.map((file) => ({
      workflowId: file,
      history: readHistory(readFileSync(join(HISTORIES_DIR, file))),
    }));
    const failures: string[] = [];
    const replays = Worker.runReplayHistories({ workflowBundle: await sharedWorkflowBundle() }, histories);
    for await (const { workflowId, error } of replays) if (error) failures.push(`${workflowId}: ${error.message}`);
    expect(failures).toEqual([]);
  });
});

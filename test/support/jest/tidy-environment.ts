import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { randomUUID } from 'node:crypto';
import { selfAndAncestors, sweepMarked } from '../../../tooling/processes/process-sweep';

/** The variable that marks every process a test file starts (inherited by theirs in turn). */
export const FILE_MARK_VARIABLE = 'PARKFLOW_TEST_FILE';

/**
 * jest's Node environment, plus: whatever processes a test file started are stopped when the file ends — also when a
 * test timed out while its stack was still running, or its own teardown failed. Each file marks its processes
 * through the environment they inherit ({@link FILE_MARK_VARIABLE}); the sweep runs after every hook of the file.
 */
export default class TidyEnvironment extends TestEnvironment {
  private readonly marker: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    const mark = randomUUID();
    // Set before the sandbox copies the environment: children spawned with `{ ...process.env }` carry it too, and so
    // do those started by native code (Temporal's servers), which read the process's real environment.
    process.env[FILE_MARK_VARIABLE] = mark;
    super(config, context);
    this.marker = `${FILE_MARK_VARIABLE}=${mark}`;
  }

  override async teardown(): Promise<void> {
    const left = await sweepMarked(this.marker, selfAndAncestors());
    for (const p of left) process.stderr.write(`[tidy] stopped what a test file left running: ${p.pid} ${p.args}\n`);
    await super.teardown();
  }
}

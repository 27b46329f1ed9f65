import { rmSync } from 'node:fs';
import { childrenOf, selfAndAncestors, sweepMarked } from '../../../tooling/processes/process-sweep';
import { RUN_DIR_VARIABLE } from '../../../tooling/run-artifacts/shared-artifacts';
import { RUN_MARK_VARIABLE } from './run-mark';

/**
 * After the last test file: the embedded PostgreSQL and the object store stopped (if the setup started them),
 * anything else of the run still alive stopped (jest's own workers aside: they end with the run), and the run's
 * directory removed.
 */
export default async function globalTeardown(): Promise<void> {
  await Promise.all([globalThis.parkflowTestPostgres?.stop(), globalThis.parkflowTestObjectStore?.stop()]);
  const spared = new Set([...selfAndAncestors(), ...childrenOf(process.pid)]);
  const left = await sweepMarked(`${RUN_MARK_VARIABLE}=${process.env[RUN_MARK_VARIABLE]}`, spared);
  for (const p of left) process.stderr.write(`[tidy] stopped what the test run left running: ${p.pid} ${p.args}\n`);
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}

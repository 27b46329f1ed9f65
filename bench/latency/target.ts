import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterServer } from '../../tooling/temporal/temporal-services';
import { devServerTuning } from '../../scripts/dev-server-tuning';
import { repoRoot } from '../../scripts/repo-root';
import { provideMigratedPostgres } from '../../tooling/postgres/throwaway-postgres';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

export type Target = 'dev' | 'cluster';

export interface Running {
  stack: Stack;
  describe: string;
  stop(): Promise<void>;
}

/** The stack: the Temporal server of `target`, then the worker and the API in this process. */
async function startServer(
  target: Target,
  devTuning: string[] | undefined,
  root: string,
  dataDir: string,
): Promise<Running> {
  // One officer sets up hundreds of cases: the limiter stays in the path, with room for that.
  const env = { RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_MINUTE: '1000000' };
  if (target === 'dev') {
    const extraArgs = devTuning ?? devServerTuning(root);
    const stack = await startStack({
      env,
      temporal: { devServer: { dbFilename: join(dataDir, 'temporal.db'), extraArgs } },
    });
    const settings = extraArgs.length ? extraArgs.join(' ') : 'the CLI defaults';
    return { stack, describe: `dev server (SQLite file; ${settings})`, stop: () => stack.teardown() };
  }
  const server = await clusterServer({ repoRoot: root, dataDir, env: process.env }, () => {
    if (!process.env.DATABASE_URL) throw new Error('no DATABASE_URL after the global setup');
    return process.env.DATABASE_URL;
  });
  await server.start();
  try {
    const stack = await startStack({ env, temporal: { address: server.address } });
    return {
      stack,
      describe: 'Temporal server v1.29.1 on PostgreSQL (the cluster topology)',
      async stop() {
        await stack.teardown();
        await server.process.stop();
      },
    };
  } catch (error) {
    await server.process.stop();
    throw error;
  }
}

/**
 * Starts the bench's stack (PostgreSQL from the test suites' global setup, the Temporal server of `target` on a fresh
 * data directory, the worker and the API in this process); `stop` removes all of it.
 */
export async function startTarget(target: Target, devTuning: string[] | undefined): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parkflow-latency-'));
  const postgres = await provideMigratedPostgres();
  const running = await startServer(target, devTuning, repoRoot(), dataDir);
  return {
    ...running,
    async stop() {
      await running.stop();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

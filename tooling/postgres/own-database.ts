import { Client as PgClient } from 'pg';
import { migrate } from '../../persistence/data-source';

/** A migrated database of one test file's own, in the suites' PostgreSQL cluster. */
export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

async function asAdmin(sql: string): Promise<void> {
  const admin = new PgClient({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * Creates and migrates `<prefix>_<pid>` next to the shared test database (DATABASE_URL, see global-setup.ts), for
 * a test whose writes or locks must not reach the other suites: they all share one database and its reference
 * data (district contacts, …).
 */
export async function createOwnDatabase(prefix: string): Promise<OwnDatabase> {
  const name = `${prefix}_${process.pid}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return { url: url.toString(), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

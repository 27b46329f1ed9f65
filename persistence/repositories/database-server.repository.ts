import type { Database } from './database';

/** The PostgreSQL server's version, as `SHOW server_version` and `server_version_num` answer. */
export interface ServerVersion {
  /** e.g. `15.18 (Debian 15.18-0+deb12u1)`. */
  version: string;
  /** e.g. 150018: the major version is `versionNum / 10000` (PostgreSQL 10 and later). */
  versionNum: number;
}

/** Sessions of other clients connected to a database, by application name. */
export interface ConnectedSessions {
  database: string;
  applicationName: string;
  sessions: number;
}

/**
 * Facts about the PostgreSQL server itself, for `npm run backup` and `npm run restore`: its version (the client tools
 * must match it), which of the stack's databases it holds, and who is connected to them.
 */
export class DatabaseServerRepository {
  constructor(private readonly db: Database) {}

  async version(): Promise<ServerVersion> {
    const [row] = await this.db.query(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS "versionNum"`,
    );
    return row as ServerVersion;
  }

  /** Those of `names` that exist on the server, in the order given. */
  async existingDatabases(names: readonly string[]): Promise<string[]> {
    const rows: Array<{ datname: string }> = await this.db.query(
      'SELECT datname FROM pg_database WHERE datname = ANY($1::text[])',
      [names],
    );
    const present = new Set(rows.map((row) => row.datname));
    return names.filter((name) => present.has(name));
  }

  /** Sessions other than this one connected to any of `databases` (a database cannot be dropped under them). */
  async otherSessions(databases: readonly string[]): Promise<ConnectedSessions[]> {
    return this.db.query(
      `SELECT datname AS database, application_name AS "applicationName", count(*)::int AS sessions
       FROM pg_stat_activity WHERE datname = ANY($1::text[]) AND pid <> pg_backend_pid()
       GROUP BY datname, application_name ORDER BY datname, application_name`,
      [databases],
    );
  }
}

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../persistence/data-source';

/** The client tools `npm run backup` and `npm run restore` run. */
export type PgTool = 'pg_dump' | 'pg_restore' | 'dropdb';

/** Client tools of one major version, found in one directory. */
export interface PgTools {
  binDir: string;
  major: number;
  /** `pg_dump --version`'s line, e.g. `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)`. */
  version: string;
  path(tool: PgTool): string;
}

/** The major version PostgreSQL 10 and later encode in `server_version_num` (150018 → 15). */
export const majorOf = (versionNum: number): number => Math.floor(versionNum / 10_000);

/** `<binDir>/pg_dump --version`'s line and major; undefined when there is no runnable pg_dump there. */
function pgDumpIn(binDir: string): { version: string; major: number } | undefined {
  const pgDump = join(binDir, 'pg_dump');
  if (!existsSync(pgDump)) return undefined;
  const run = spawnSync(pgDump, ['--version'], { encoding: 'utf8' });
  const major = /\(PostgreSQL\)\s+(\d+)/.exec(run.stdout ?? '')?.[1];
  return run.status === 0 && major ? { version: run.stdout.trim(), major: Number(major) } : undefined;
}

/**
 * The client tools for a server of major version `serverMajor`: pg_dump refuses a server newer than itself, and a
 * dump is restored by the pg_restore of the version that wrote it, so both come from the server's own major. Looked
 * for in PG_BIN_DIR (when set, only there), else Debian's /usr/lib/postgresql/<major>/bin, else the first pg_dump on
 * PATH. Throws, naming what was found and what to install, when none is of that major.
 */
export function pgToolsFor(serverMajor: number, env: { PG_BIN_DIR?: string; PATH?: string }): PgTools {
  const debian = `/usr/lib/postgresql/${serverMajor}/bin`;
  // the pg_dump the shell would run (on Debian /usr/bin/pg_dump, which runs the newest installed)
  const onPath = (env.PATH ?? '').split(delimiter).find((dir) => dir && existsSync(join(dir, 'pg_dump')));
  const candidates = env.PG_BIN_DIR
    ? [{ dir: env.PG_BIN_DIR, how: `PG_BIN_DIR=${env.PG_BIN_DIR}` }]
    : [{ dir: debian, how: debian }, ...(onPath ? [{ dir: onPath, how: `PATH (${onPath})` }] : [])];
  const seen: string[] = [];
  for (const { dir, how } of candidates) {
    const found = pgDumpIn(dir);
    if (found?.major === serverMajor) return { binDir: dir, ...found, path: (tool) => join(dir, tool) };
    seen.push(found ? `${how} has pg_dump ${found.major}` : `${how} has no pg_dump`);
  }
  throw new Error(
    `the PostgreSQL server is version ${serverMajor}, and its dumps need pg_dump and pg_restore ${serverMajor} ` +
      `(pg_dump refuses a newer server): ${seen.join('; ')}. Install PostgreSQL ${serverMajor}'s client tools ` +
      `(Debian: apt-get install postgresql-client-${serverMajor}, from apt.postgresql.org when Debian has no such ` +
      `version) or set PG_BIN_DIR to the directory that holds them`,
  );
}

/** A connection URL to `database` of the server of `databaseUrl`, without its password (given in PGPASSWORD). */
export function databaseUrlOf(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.password = '';
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The environment a tool runs with: the password in PGPASSWORD, never on the command line (`ps` shows that). */
export function toolEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const password = decodeURIComponent(new URL(databaseUrl).password);
  return { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
}

/** Runs a client tool to its end; rejects with what it printed when it fails. */
export function runTool(tools: PgTools, tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(tools.path(tool), args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} ${args.at(-1)} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** Runs `use` on a DataSource connected to `database` of the server of `databaseUrl`, closed afterwards. */
export async function onDatabase<T>(
  databaseUrl: string,
  database: string,
  use: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  const dataSource = await createDataSource(url.toString()).initialize();
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

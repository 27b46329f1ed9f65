import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentObjects } from '../persistence/object-store/document-objects';
import { DatabaseServerRepository } from '../persistence/repositories/database-server.repository';
import { MANIFEST_FILE, sha256Of, type BackupManifest, type DatabaseRole, type DumpEntry } from './backup-manifest';
import { copyObjects } from './backup-objects';
import { databaseUrlOf, majorOf, onDatabase, pgToolsFor, runTool, toolEnv } from './pg-tools';

/** The database PostgreSQL always has: where the server's facts are read and databases dropped from. */
export const MAINTENANCE_DATABASE = 'postgres';

/**
 * The stack's databases in the order they are dumped. Each dump is consistent within its database, but they are taken
 * one after another, so they show different instants. Temporal is the truth about every case and the read model is
 * rebuilt from it (`npm run reconcile`), so Temporal's databases go last: they are then the newest, and a restored
 * read model is at most *older* than its cases — which reconcile repairs — never newer than them (a case the
 * workflows do not know, or a stage they have gone back from). Visibility follows history for the same reason (the
 * server writes it after the history). Keycloak's database stands apart from the cases and goes first, keeping
 * parkflow's and Temporal's dumps back to back.
 */
export function stackDatabases(parkflowDatabase: string): Array<{ holds: DatabaseRole; database: string }> {
  return [
    { holds: 'keycloak', database: 'keycloak' },
    { holds: 'parkflow', database: parkflowDatabase },
    { holds: 'temporal', database: 'temporal' },
    { holds: 'temporal_visibility', database: 'temporal_visibility' },
  ];
}

/** A backup directory's name: its start in UTC, e.g. `20260521T081530Z` (sortable, no `:` for other tools). */
export const backupName = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** A backup written, and the stack's databases that the server does not have (not dumped). */
export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  absent: string[];
}

/**
 * `npm run backup`: dumps every database of the stack that the server of `databaseUrl` holds into a new directory
 * `<root>/<UTC start>/` with `manifest.json` (times, server version, per dump its database, size and SHA-256), then
 * copies every object of the documents' bucket (`objects`) into it, each with its key and SHA-256 in the manifest.
 * The objects go last: a paper any dump names was stored before it was named and is never removed after, so its bytes
 * are in the backup. The directory is written as `<name>.partial` and renamed once complete: a directory with the name
 * and a manifest is a whole backup. `log` is told each dump as it is taken, and the objects copied.
 */
export async function takeBackup(
  {
    databaseUrl,
    root,
    pgBinDir,
    objects,
  }: { databaseUrl: string; root: string; pgBinDir?: string; objects: DocumentObjects },
  log: (line: string) => void = () => undefined,
): Promise<BackupResult> {
  const started = new Date();
  const parkflow = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const wanted = stackDatabases(parkflow);
  const { server, present } = await onDatabase(databaseUrl, MAINTENANCE_DATABASE, async (dataSource) => {
    const repository = new DatabaseServerRepository(dataSource);
    return {
      server: await repository.version(),
      present: await repository.existingDatabases(wanted.map((entry) => entry.database)),
    };
  });
  const tools = pgToolsFor(majorOf(server.versionNum), { PG_BIN_DIR: pgBinDir, PATH: process.env.PATH });
  const dir = join(root, backupName(started));
  const partial = `${dir}.partial`;
  if (existsSync(dir)) throw new Error(`${dir} exists already: take the next backup a second later`);
  mkdirSync(root, { recursive: true });
  mkdirSync(partial, { mode: 0o700 }); // the dumps hold every password hash and personal detail of the stack
  try {
    const dumps: DumpEntry[] = [];
    for (const { holds, database } of wanted.filter((entry) => present.includes(entry.database))) {
      const file = `${database}.dump`;
      const startedAt = new Date().toISOString();
      const args = [
        '--format=custom',
        `--file=${join(partial, file)}`,
        `--dbname=${databaseUrlOf(databaseUrl, database)}`,
      ];
      await runTool(tools, 'pg_dump', args, toolEnv(databaseUrl));
      const path = join(partial, file);
      const entry = {
        file,
        database,
        holds,
        startedAt,
        finishedAt: new Date().toISOString(),
        bytes: statSync(path).size,
        sha256: await sha256Of(path),
      };
      dumps.push(entry);
      log(`dumped ${database} (${entry.bytes} bytes) in ${seconds(entry.startedAt, entry.finishedAt)} s`);
    }
    const copyStarted = new Date().toISOString();
    const copied = await copyObjects(objects, partial, log);
    const copiedBytes = copied.reduce((sum, entry) => sum + entry.bytes, 0);
    const copySeconds = seconds(copyStarted, new Date().toISOString());
    log(`copied ${copied.length} document object(s) (${copiedBytes} bytes) in ${copySeconds} s`);
    const manifest: BackupManifest = {
      format: 1,
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      server,
      pgDump: tools.version,
      dumps,
      objects: copied,
    };
    writeFileSync(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(partial, dir);
    const absent = wanted.map((entry) => entry.database).filter((database) => !present.includes(database));
    return { dir, manifest, absent };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true }); // half a backup must not pass for one
    throw error;
  }
}

/** Seconds between two instants, to one decimal. */
export const seconds = (from: string, to: string): string => ((Date.parse(to) - Date.parse(from)) / 1000).toFixed(1);

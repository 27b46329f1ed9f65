import { join } from 'node:path';
import type { DocumentObjects } from '../persistence/object-store/document-objects';
import { CaseHistoryRepository, type RecordedEntry } from '../persistence/repositories/case-history.repository';
import { DatabaseServerRepository } from '../persistence/repositories/database-server.repository';
import { MAINTENANCE_DATABASE, seconds } from './backup';
import { casesAsOf, readManifest, verifyDumps, type BackupManifest, type DumpEntry } from './backup-manifest';
import { putBackObjects } from './backup-objects';
import { databaseUrlOf, majorOf, onDatabase, pgToolsFor, runTool, toolEnv, type PgTools } from './pg-tools';

/** What a restore did: the dumps restored, and the audit entries of the replaced parkflow database it undid. */
export interface RestoreResult {
  manifest: BackupManifest;
  restored: Array<DumpEntry & { seconds: string }>;
  /** Entries recorded after the backup's cases were taken; undefined when the replaced database could not tell. */
  undone: RecordedEntry[] | undefined;
  /** How many of the backup's document objects the bucket lacked and were put back. */
  objectsPutBack: number;
}

/** The major version in a `pg_dump --version` line (`pg_dump (PostgreSQL) 15.18 …`). */
const toolMajor = (version: string): number => Number(/\(PostgreSQL\)\s+(\d+)/.exec(version)?.[1] ?? NaN);

/**
 * The actions a restore takes back: the entries the parkflow database about to be replaced recorded after the
 * backup's cases were taken (the officers redo them). Undefined when there is no such database or it cannot tell
 * (a fresh server, another schema).
 */
async function entriesUndone(databaseUrl: string, manifest: BackupManifest): Promise<RecordedEntry[] | undefined> {
  const parkflow = manifest.dumps.find((dump) => dump.holds === 'parkflow');
  if (!parkflow) return undefined;
  try {
    return await onDatabase(databaseUrl, parkflow.database, (dataSource) =>
      new CaseHistoryRepository(dataSource).recordedAfter(casesAsOf(manifest)),
    );
  } catch {
    return undefined; // no such database, or no audit trail in it: nothing to compare with
  }
}

/** Refuses while other clients are connected to a database to be replaced: they must be stopped first. */
async function requireNobodyConnected(databaseUrl: string, databases: string[]): Promise<void> {
  const sessions = await onDatabase(databaseUrl, MAINTENANCE_DATABASE, (dataSource) =>
    new DatabaseServerRepository(dataSource).otherSessions(databases),
  );
  if (sessions.length === 0) return;
  const who = sessions.map((s) => `${s.sessions} on ${s.database} (${s.applicationName || 'no application name'})`);
  throw new Error(
    `other clients are connected to the databases to replace: ${who.join(', ')}. Stop the APIs, the workers, ` +
      `the Temporal server and Keycloak first (PostgreSQL keeps running); nothing was restored`,
  );
}

/** The server's client tools, checked to read dumps of the backup's pg_dump. */
async function restoreTools(databaseUrl: string, manifest: BackupManifest, pgBinDir?: string): Promise<PgTools> {
  const server = await onDatabase(databaseUrl, MAINTENANCE_DATABASE, (dataSource) =>
    new DatabaseServerRepository(dataSource).version(),
  );
  const tools = pgToolsFor(majorOf(server.versionNum), { PG_BIN_DIR: pgBinDir, PATH: process.env.PATH });
  if (toolMajor(manifest.pgDump) > tools.major)
    throw new Error(
      `the dumps were written by ${manifest.pgDump}; pg_restore ${tools.major} (for this PostgreSQL ` +
        `${server.version}) cannot read them: restore into a PostgreSQL ${toolMajor(manifest.pgDump)} or later`,
    );
  return tools;
}

/**
 * `npm run restore -- <dir>`: checks every dump and object file of the backup against its manifest first (refusing,
 * naming the file, on any difference), puts back the documents' objects the bucket lacks (`objects`: so a store that
 * does not answer stops the restore before anything is replaced), then replaces each database: dropped and created
 * again from its dump (`pg_restore --create`). The server must run, and nobody else may be connected to those
 * databases (the Temporal server, workers, APIs and Keycloak stopped). Before replacing parkflow's database it lists
 * what it recorded after the backup: those actions are undone.
 */
export async function restoreBackup(
  {
    databaseUrl,
    dir,
    pgBinDir,
    objects,
  }: { databaseUrl: string; dir: string; pgBinDir?: string; objects: DocumentObjects },
  log: (line: string) => void = () => undefined,
): Promise<RestoreResult> {
  const manifest = readManifest(dir);
  await verifyDumps(dir, manifest);
  log(`checked ${manifest.dumps.length} dump(s) of ${dir} against manifest.json`);
  const tools = await restoreTools(databaseUrl, manifest, pgBinDir);
  const undone = await entriesUndone(databaseUrl, manifest);
  await requireNobodyConnected(
    databaseUrl,
    manifest.dumps.map((dump) => dump.database),
  );
  const objectsPutBack = await putBackObjects(objects, dir, manifest.objects ?? []);
  log(
    `put back ${objectsPutBack} of ${manifest.objects?.length ?? 0} document object(s); the others were in the bucket`,
  );
  const env = toolEnv(databaseUrl);
  const maintenance = databaseUrlOf(databaseUrl, MAINTENANCE_DATABASE);
  const restored: RestoreResult['restored'] = [];
  for (const dump of manifest.dumps) {
    const started = new Date().toISOString();
    await runTool(tools, 'dropdb', ['--if-exists', `--maintenance-db=${maintenance}`, dump.database], env);
    await runTool(
      tools,
      'pg_restore',
      ['--create', '--exit-on-error', `--dbname=${maintenance}`, join(dir, dump.file)],
      env,
    );
    restored.push({ ...dump, seconds: seconds(started, new Date().toISOString()) });
    log(`restored ${dump.database} from ${dump.file} in ${restored.at(-1)?.seconds} s`);
  }
  return { manifest, restored, undone, objectsPutBack };
}

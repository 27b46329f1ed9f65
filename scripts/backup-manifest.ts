import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectEntry } from './backup-objects';

/** What a database of the stack holds (its name may differ: parkflow's is DATABASE_URL's). */
export type DatabaseRole = 'keycloak' | 'parkflow' | 'temporal' | 'temporal_visibility';

/** One dump of a backup: `pg_dump --format=custom` of one database, a consistent snapshot of it as of `startedAt`. */
export interface DumpEntry {
  file: string;
  database: string;
  holds: DatabaseRole;
  /** When its pg_dump started: the dump shows the database as of this instant. */
  startedAt: string;
  finishedAt: string;
  bytes: number;
  sha256: string;
}

/** `manifest.json` of a backup directory: what `npm run restore` checks before it replaces anything. */
export interface BackupManifest {
  format: 1;
  startedAt: string;
  finishedAt: string;
  server: { version: string; versionNum: number };
  /** `pg_dump --version` of the tool that wrote the dumps: pg_restore of the same major reads them. */
  pgDump: string;
  /** In the order they were dumped (see backup.ts for why this order). */
  dumps: DumpEntry[];
  /** The documents' bucket, copied after the last dump (issue 25); absent in a backup taken before papers were kept. */
  objects?: ObjectEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

/** The SHA-256 of a file, read as a stream (dumps can be large). */
export function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  return new Promise((resolve, reject) =>
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex'))),
  );
}

/** The manifest of backup directory `dir`; an error saying what is wrong when there is none or it is not one. */
export function readManifest(dir: string): BackupManifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path))
    throw new Error(`${dir} is not a complete backup: it has no ${MANIFEST_FILE} (written last by npm run backup)`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== 1 || !Array.isArray(manifest.dumps) || manifest.dumps.length === 0)
    throw new Error(`${path} is not a backup manifest of format 1 with at least one dump`);
  return manifest;
}

/**
 * Checks every dump and every object's file against its size and SHA-256 before anything is replaced; throws naming
 * each file that is missing or differs.
 */
export async function verifyDumps(dir: string, manifest: BackupManifest): Promise<void> {
  const problems: string[] = [];
  for (const dump of [...manifest.dumps, ...(manifest.objects ?? [])]) {
    const path = join(dir, dump.file);
    if (!existsSync(path)) {
      problems.push(`${dump.file} is missing`);
      continue;
    }
    const bytes = statSync(path).size;
    const sha256 = bytes === dump.bytes ? await sha256Of(path) : undefined;
    if (sha256 !== dump.sha256)
      problems.push(
        sha256 === undefined
          ? `${dump.file} has ${bytes} bytes, the manifest says ${dump.bytes}`
          : `${dump.file} has SHA-256 ${sha256}, the manifest says ${dump.sha256}`,
      );
  }
  if (problems.length > 0)
    throw new Error(`the backup in ${dir} is damaged; nothing was restored:\n- ${problems.join('\n- ')}`);
}

/** When the cases' state was taken: the start of Temporal's dump (parkflow's when there is none). */
export function casesAsOf(manifest: BackupManifest): string {
  const temporal = manifest.dumps.find((dump) => dump.holds === 'temporal');
  return (temporal ?? manifest.dumps.find((dump) => dump.holds === 'parkflow') ?? manifest.dumps[0]).startedAt;
}

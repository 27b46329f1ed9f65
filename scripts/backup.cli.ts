import 'reflect-metadata';
import { loadConfig } from '../config/parkflow-config';
import { DocumentObjects } from '../persistence/object-store/document-objects';
import { casesAsOf } from './backup-manifest';
import { backupView } from './backup-settings';
import { seconds, takeBackup } from './backup';

const USAGE = `npm run backup -- [<backup root>]
  dumps the stack's databases (keycloak, parkflow, temporal, temporal_visibility: those the server of DATABASE_URL
  holds), then copies the documents' bucket (OBJECT_STORE_*), into <backup root>/<UTC time>/ with manifest.json;
  <backup root> defaults to PARKFLOW_BACKUP_DIR (.data/backups)`;

/** `npm run backup` (docs/operations.md "Backup and restore"), while the stack runs. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0]?.startsWith('-')) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig(backupView('backup'), process.env);
  const objects = new DocumentObjects(config);
  const { dir, manifest, absent } = await takeBackup(
    {
      databaseUrl: config.DATABASE_URL,
      root: args[0] ?? config.PARKFLOW_BACKUP_DIR,
      pgBinDir: config.PG_BIN_DIR,
      objects,
    },
    (line) => console.log(line),
  ).finally(() => objects.close());
  if (absent.length > 0) console.log(`not on this server, not dumped: ${absent.join(', ')}`);
  if (!manifest.dumps.some((dump) => dump.holds === 'temporal'))
    console.log('warning: no Temporal database here (npm run dev keeps Temporal in .data/temporal.db): copy it too');
  const copied = `${manifest.objects?.length ?? 0} document object(s)`;
  console.log(
    `backup ${dir}: ${manifest.dumps.length} database(s) and ${copied} in ` +
      `${seconds(manifest.startedAt, manifest.finishedAt)} s (PostgreSQL ${manifest.server.version}); ` +
      `the cases as of ${casesAsOf(manifest)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

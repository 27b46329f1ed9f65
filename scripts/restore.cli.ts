import 'reflect-metadata';
import { loadConfig } from '../config/parkflow-config';
import { DocumentObjects } from '../persistence/object-store/document-objects';
import type { RecordedEntry } from '../persistence/repositories/case-history.repository';
import { casesAsOf } from './backup-manifest';
import { backupView } from './backup-settings';
import { restoreBackup } from './restore';

const USAGE = `npm run restore -- <backup dir>
  checks every dump and document object of the backup (npm run backup's <root>/<UTC time>/) against its manifest.json,
  puts back the objects the documents' bucket (OBJECT_STORE_*) lacks, then replaces each database on the server of
  DATABASE_URL with its dump. Stop the APIs, workers, Temporal server and Keycloak first;
  afterwards start them and run npm run reconcile`;

/** One line per case whose recorded actions the restore undid, for the officers to redo them. */
function undoneLines(entries: RecordedEntry[]): string[] {
  const byCase = new Map<string, RecordedEntry[]>();
  for (const entry of entries) byCase.set(entry.caseId, [...(byCase.get(entry.caseId) ?? []), entry]);
  return [...byCase.values()].map((caseEntries) => {
    const [{ caseId, parkName, district }] = caseEntries;
    const actions = caseEntries.map((e) => `${e.action} by ${e.actor.id} at ${new Date(e.recordedAt).toISOString()}`);
    return `  ${caseId} ${district ?? '?'} ${parkName ?? '(filed after the backup)'}: ${actions.join('; ')}`;
  });
}

/** `npm run restore` (docs/operations.md "Backup and restore"). */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].startsWith('-')) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig(backupView('restore'), process.env);
  const started = Date.now();
  const objects = new DocumentObjects(config);
  const { manifest, undone } = await restoreBackup(
    { databaseUrl: config.DATABASE_URL, dir: args[0], pgBinDir: config.PG_BIN_DIR, objects },
    (line) => console.log(line),
  ).finally(() => objects.close());
  const asOf = casesAsOf(manifest);
  const databases = manifest.dumps.map((dump) => dump.database).join(', ');
  const took = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`restored ${databases} in ${took} s: the cases are as they were at ${asOf}`);
  if (undone === undefined) console.log('the replaced parkflow database could not tell which actions were undone');
  else if (undone.length === 0) console.log(`no action was recorded after ${asOf} in the replaced parkflow database`);
  else {
    console.log(`undone: ${undone.length} recorded action(s) after ${asOf}; tell the officers of these cases:`);
    for (const line of undoneLines(undone)) console.log(line);
  }
  console.log('next: start the Temporal server, the workers and the APIs, then run npm run reconcile');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

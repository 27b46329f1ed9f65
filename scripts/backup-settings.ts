import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { objectStoreProblems, ObjectStoreSettings } from '../config/object-store-settings';
import type { ConfigView } from '../config/parkflow-config';

/**
 * What `npm run backup` and `npm run restore` read: the server (DATABASE_URL), its client tools, where backups go, and
 * the documents' bucket (the `OBJECT_STORE_*` the API reads; the stacks export them).
 */
export class BackupSettings extends ObjectStoreSettings {
  /** The directory of pg_dump and pg_restore; unset: /usr/lib/postgresql/<server major>/bin, then PATH. */
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'PG_BIN_DIR must name the directory of pg_dump and pg_restore' })
  PG_BIN_DIR?: string;

  /** Where `npm run backup` makes its directories when no directory is given on the command line. */
  @IsString()
  @IsNotEmpty({ message: 'PARKFLOW_BACKUP_DIR must name a directory' })
  PARKFLOW_BACKUP_DIR: string = '.data/backups';
}

/** The backup or restore command's view of the configuration. */
export const backupView = (process: 'backup' | 'restore'): ConfigView<BackupSettings> => ({
  process,
  settings: BackupSettings,
  crossChecks: (config) => objectStoreProblems(config),
});

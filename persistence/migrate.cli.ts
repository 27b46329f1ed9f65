import 'reflect-metadata';
import { DatabaseSettings, loadConfig } from '../config/parkflow-config';
import { migrate } from './data-source';

/** `npm run migrate`: applies pending migrations to `DATABASE_URL`. */
async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig({ process: 'migration', settings: DatabaseSettings }, process.env);
  const applied = await migrate(DATABASE_URL);
  console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'schema is up to date');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

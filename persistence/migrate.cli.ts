import 'reflect-metadata';
import { migrate } from './data-source';

/** `npm run migrate`: applies pending migrations to `DATABASE_URL`. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required to migrate');
  const applied = await migrate(url);
  console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'schema is up to date');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

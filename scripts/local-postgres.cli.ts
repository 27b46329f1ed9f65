import { migrate } from '../persistence/data-source';
import { startLocalPostgres } from './local-postgres';

/**
 * Runs the dev stack's PostgreSQL in the foreground (scripts/dev.sh, scripts/cluster.sh): starts it in
 * `.data/postgres` (PARKFLOW_PG_DIR) on PARKFLOW_PG_PORT, applies migrations, prints `DATABASE_URL=…` once ready,
 * and stops the server on SIGINT/SIGTERM. PARKFLOW_PG_BIN (e.g. /usr/lib/postgresql/15/bin) runs those installed
 * binaries rather than the embedded PostgreSQL 18.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PARKFLOW_PG_PORT ?? 5433);
  const postgres = await startLocalPostgres({
    dataDir: process.env.PARKFLOW_PG_DIR ?? '.data/postgres',
    port,
    database: 'parkflow',
    persistent: true,
    binDir: process.env.PARKFLOW_PG_BIN || undefined,
  });
  const applied = await migrate(postgres.url);
  console.error(
    `[postgres] ready on 127.0.0.1:${port}; migrations ` +
      `applied: ${applied.length ? applied.join(', ') : 'none pending'}`,
  );
  console.log(`DATABASE_URL=${postgres.url}`);
  const stop = (): void => {
    postgres.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30); // stay up until signalled
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SERVER_PORTS, renderServerConfig, temporalDatabaseEnv } from './temporal-server';

/**
 * `node dist/scripts/temporal-server.cli.js <root>` (scripts/cluster.sh): writes `<root>/config/development.yaml`
 * for the Temporal server on DATABASE_URL's PostgreSQL with Temporal's default ports (metrics on
 * TEMPORAL_METRICS_PORT, default 8000), and prints the schema tool's environment as shell `export` lines.
 */
function main(): void {
  const [root] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!root || !databaseUrl) throw new Error('usage: DATABASE_URL=… temporal-server.cli.js <server root dir>');
  const metrics = Number(process.env.TEMPORAL_METRICS_PORT ?? DEFAULT_SERVER_PORTS.METRICS_PORT);
  const ports = { ...DEFAULT_SERVER_PORTS, METRICS_PORT: metrics };
  mkdirSync(join(root, 'config'), { recursive: true });
  const repoRoot = resolve(__dirname, '..', '..'); // compiled: dist/scripts/
  writeFileSync(join(root, 'config', 'development.yaml'), renderServerConfig(repoRoot, databaseUrl, ports));
  for (const [name, value] of Object.entries(temporalDatabaseEnv(databaseUrl)))
    console.log(`export ${name}='${value.replace(/'/g, `'\\''`)}'`);
}

main();

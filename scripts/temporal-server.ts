import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

/** The ports of the single-process Temporal server (frontend, history, matching and worker services). */
export interface TemporalServerPorts {
  FRONTEND_GRPC_PORT: number;
  FRONTEND_MEMBERSHIP_PORT: number;
  FRONTEND_HTTP_PORT: number;
  HISTORY_GRPC_PORT: number;
  HISTORY_MEMBERSHIP_PORT: number;
  MATCHING_GRPC_PORT: number;
  MATCHING_MEMBERSHIP_PORT: number;
  WORKER_GRPC_PORT: number;
  WORKER_MEMBERSHIP_PORT: number;
  PPROF_PORT: number;
  METRICS_PORT: number;
}

/**
 * Families of the Temporal server's own Prometheus endpoint that the ops guide (docs/operations.md) names: requests
 * and their latency per operation, persistence calls, and how long tasks wait in their queues before a worker takes
 * them (the "too few workers" signal).
 */
export const TEMPORAL_SERVER_SERIES = [
  'service_requests',
  'service_latency_bucket',
  'persistence_requests',
  'persistence_latency_bucket',
  'task_schedule_to_start_latency_bucket',
] as const;

/** Temporal's own defaults (its development configs and images): what `npm run cluster` and compose use. */
export const DEFAULT_SERVER_PORTS: TemporalServerPorts = {
  FRONTEND_GRPC_PORT: 7233,
  FRONTEND_MEMBERSHIP_PORT: 6933,
  FRONTEND_HTTP_PORT: 7243,
  HISTORY_GRPC_PORT: 7234,
  HISTORY_MEMBERSHIP_PORT: 6934,
  MATCHING_GRPC_PORT: 7235,
  MATCHING_MEMBERSHIP_PORT: 6935,
  WORKER_GRPC_PORT: 7239,
  WORKER_MEMBERSHIP_PORT: 6939,
  PPROF_PORT: 7936,
  METRICS_PORT: 8000,
};

/** Free ports for every service: a test's cluster runs beside `npm run dev` and other tests' servers. */
export async function freeServerPorts(): Promise<TemporalServerPorts> {
  const ports = {} as TemporalServerPorts;
  // freePort stays below 32768, as the server needs: it stores membership ports in a PostgreSQL smallint.
  for (const name of Object.keys(DEFAULT_SERVER_PORTS) as (keyof TemporalServerPorts)[]) ports[name] = await freePort();
  return ports;
}

/**
 * How temporal-sql-tool (docker/temporal/setup-schema.sh) and the server reach PostgreSQL: the environment of
 * compose's admin-tools, read off parkflow's own DATABASE_URL (Temporal's databases live in the same server).
 */
export function temporalDatabaseEnv(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  return {
    POSTGRES_SEEDS: url.hostname,
    DB_PORT: url.port || '5432',
    POSTGRES_USER: decodeURIComponent(url.username),
    SQL_PASSWORD: decodeURIComponent(url.password),
  };
}

/** A YAML single-quoted scalar's content. */
const yamlQuoted = (value: string): string => value.replace(/'/g, "''");

/**
 * The server's config file: docker/temporal/server-postgres.yaml (the one template, derived from the server
 * module's development-postgres12.yaml) with PostgreSQL, the ports and compose's dynamic config file filled in.
 */
export function renderServerConfig(repoRoot: string, databaseUrl: string, ports: TemporalServerPorts): string {
  const db = temporalDatabaseEnv(databaseUrl);
  const values: Record<string, string> = {
    POSTGRES_HOST: db.POSTGRES_SEEDS,
    POSTGRES_PORT: db.DB_PORT,
    POSTGRES_USER: yamlQuoted(db.POSTGRES_USER),
    SQL_PASSWORD: yamlQuoted(db.SQL_PASSWORD),
    DYNAMIC_CONFIG_FILE: join(repoRoot, 'docker', 'temporal', 'dynamicconfig', 'development-sql.yaml'),
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
  };
  const template = readFileSync(join(repoRoot, 'docker', 'temporal', 'server-postgres.yaml'), 'utf8');
  return template.replace(/\$\{(\w+)\}/g, (_whole, name: string) => {
    if (!(name in values)) throw new Error(`server-postgres.yaml names \${${name}}, which nothing fills in`);
    return values[name];
  });
}

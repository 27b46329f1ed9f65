import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port';

/**
 * What `scripts/dev.sh` needs to run beside everything else on this machine: a data dir of its own and free ports
 * for every process it starts (PostgreSQL, Temporal and its UI, the development OpenID Connect provider, the document
 * store, the API), its own PostgreSQL, Temporal and store rather than any the caller's environment names. Shared by
 * the dev-shutdown test and the browser suite's stack.
 */
export async function devStackEnv(prefix: string): Promise<{ dataDir: string; port: number; env: NodeJS.ProcessEnv }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as 'postgres', who must reach its data dir
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PARKFLOW_DATA_DIR: dataDir,
    PARKFLOW_PG_PORT: String(await freePort()),
    PARKFLOW_TEMPORAL_PORT: String(await freePort()),
    PARKFLOW_TEMPORAL_UI_PORT: String(await freePort()),
    PARKFLOW_OIDC_PORT: String(await freePort()),
    PARKFLOW_OBJECT_STORE_PORT: String(await freePort()),
    NODE_ENV: 'development',
  };
  // dev.sh starts its own
  for (const own of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'AUTH_ISSUER', 'OBJECT_STORE_ENDPOINT']) delete env[own];
  return { dataDir, port, env };
}

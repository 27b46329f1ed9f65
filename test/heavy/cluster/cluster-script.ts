import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindable, freePort } from '../../../scripts/free-port';
import { DEFAULT_SERVER_PORTS } from '../../../scripts/temporal-server';
import { REPO_ROOT } from '../../support/jest/compiled-build';
import { eventually } from '../../../tooling/eventually';

/** `npm run cluster` as an officer starts it (scripts/cluster.sh), on free ports and a data dir of its own. */
export interface ClusterScript {
  /** The front door, as officers' browsers reach it: `http://localhost:<PORT>`. */
  frontDoor: string;
  keycloakPort: number;
  /** The Temporal UI, as ops staff's browsers reach it. */
  temporalUi: string;
  dataDir: string;
  /** What cluster.sh printed so far (stdout and stderr). */
  output(): string;
  /** Ctrl-C, as an officer stops it; then SIGKILL to any process group it left. Removes the data dir unless `keep`. */
  stop(keep?: boolean): Promise<void>;
}

/** True when `scripts/provision.sh` could build Keycloak here (Java 17+ and Maven): cluster.sh runs it then. */
export const keycloakProvisioned = (): boolean =>
  existsSync(join(REPO_ROOT, '.tools', 'keycloak', 'lib', 'quarkus-run.jar'));

/** How long cluster.sh may take to say "parkflow is running": the build, then Keycloak's start (≤ 300 s there). */
const RUNNING_WITHIN_MS = 420_000;
/** cluster.sh stops everything within 15 s of Ctrl-C (scripts/lib/stack.sh); a margin on a loaded machine. */
const STOPPED_WITHIN_MS = 30_000;

/**
 * Starts scripts/cluster.sh and resolves once it prints "parkflow is running" (every API instance ready, Keycloak's
 * realm imported). Every port it honours is a free one; the Temporal server keeps Temporal's default ports (its
 * config is compose's), so those must be free: the start fails naming the first that is not. `extraEnv` adds to its
 * environment (e.g. PARKFLOW_KEYCLOAK=off).
 */
export async function startClusterScript(extraEnv: NodeJS.ProcessEnv = {}): Promise<ClusterScript> {
  // Temporal's ports and its internal frontend's (docker/temporal/secured.yaml's defaults).
  const fixed = { ...DEFAULT_SERVER_PORTS, INTERNAL_FRONTEND_GRPC_PORT: 7236, INTERNAL_FRONTEND_MEMBERSHIP_PORT: 6936 };
  for (const [name, port] of Object.entries(fixed))
    if (name !== 'METRICS_PORT' && !(await bindable(port)))
      throw new Error(`npm run cluster needs Temporal's port ${port} (${name}), which is in use: stop npm run dev`);
  const dataDir = mkdtempSync(join(tmpdir(), 'parkflow-cluster-'));
  chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as 'postgres', who must reach its data dir
  const [port, keycloakPort, uiPort] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PARKFLOW_DATA_DIR: dataDir,
    PARKFLOW_PG_PORT: String(await freePort()),
    PORT: String(port),
    PARKFLOW_API_PORTS: `${await freePort()} ${await freePort()}`,
    PARKFLOW_WORKER_METRICS_PORTS: `${await freePort()} ${await freePort()}`,
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_METRICS_PORT: String(await freePort()),
    KEYCLOAK_PORT: String(keycloakPort),
    KEYCLOAK_MANAGEMENT_PORT: String(await freePort()),
    PROMETHEUS_PORT: String(await freePort()),
    PARKFLOW_OBJECT_STORE_PORT: String(await freePort()),
    ...extraEnv,
  };
  // cluster.sh starts its own PostgreSQL, Temporal, Keycloak and document store, and sets the API's sign-in itself.
  for (const own of Object.keys(env))
    if (['DATABASE_URL', 'TEMPORAL_ADDRESS', 'NODE_ENV'].includes(own) || /^(AUTH|OBJECT_STORE)_/.test(own))
      delete env[own];

  const script: ChildProcess = spawn('bash', ['scripts/cluster.sh'], {
    cwd: REPO_ROOT,
    env,
    detached: true, // its own process group: Ctrl-C goes to cluster.sh alone, as from a terminal's job control
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  script.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  script.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => script.once('exit', () => resolve()));
  let groups: number[] = [];

  const stop = async (keep = Boolean(process.env.KEEP_CLUSTER_DATA)): Promise<void> => {
    if (script.exitCode === null && script.signalCode === null) script.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOPPED_WITHIN_MS).unref())]);
    for (const pgid of [script.pid, ...groups])
      try {
        if (pgid) process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await eventually(
      () => printed.includes('parkflow is running') || script.exitCode !== null,
      'cluster.sh to say "parkflow is running"',
      RUNNING_WITHIN_MS,
    );
    if (!printed.includes('parkflow is running')) throw new Error(`cluster.sh exited (${script.exitCode})`);
    // Known before any check, so that stop() reaches every process group even when cluster.sh cannot.
    groups = readFileSync(join(dataDir, 'cluster.pids'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => Number(line.split(' ')[1]));
  } catch (error) {
    await stop(true);
    throw new Error(`${(error as Error).message}; its logs are kept in ${dataDir}\n${printed}`);
  }
  const temporalUi = `http://localhost:${uiPort}`;
  return { frontDoor: `http://localhost:${port}`, keycloakPort, temporalUi, dataDir, output: () => printed, stop };
}

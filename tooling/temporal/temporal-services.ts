import { Connection } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { devServerTuning } from '../../scripts/dev-server-tuning';
import { freePort } from '../../scripts/free-port';
import { freeServerPorts, renderServerConfig, temporalDatabaseEnv } from '../../scripts/temporal-server';
import { devServerExecutable } from './temporal-executables';
import { PARK_CASE_SEARCH_ATTRIBUTES } from '../../workflows/definitions/search-attributes';
import { ManagedProcess, untilAlive } from '../processes/managed-process';

const run = promisify(execFile);
/** How many sets of free ports a cluster server's first start tries. */
const PORT_ATTEMPTS = 3;
/** The CLI names of the search-attribute types (`temporal server start-dev --search-attribute Name=Type`). */
const CLI_TYPE = { KEYWORD: 'Keyword', DATETIME: 'Datetime', INT: 'Int' } as const;

/** The Temporal server of a drill stack: its process, its address, and what a (re)start takes. */
export interface TemporalService {
  readonly process: ManagedProcess;
  readonly address: string;
  /** Where the server's own Prometheus metrics are served (`/metrics`). */
  readonly metricsUrl: string;
  /** Starts the server (again, on the same data) and resolves once it answers. */
  start(): Promise<void>;
}

/** Resolves once a client can connect to `address` (polled by the caller's bound). */
export async function answers(address: string): Promise<boolean> {
  try {
    await (await Connection.connect({ address, connectTimeout: 1_000 })).close();
    return true;
  } catch {
    return false;
  }
}

interface Where {
  repoRoot: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

/** `npm run dev`'s server: the CLI's dev server on a SQLite file, tuned as dev.sh does, search attributes given. */
export async function devServer({ repoRoot, dataDir, env }: Where): Promise<TemporalService> {
  const executable = devServerExecutable();
  if (executable.type !== 'existing-path')
    throw new Error('the drills need the Temporal CLI: .tools/temporal (npm run provision) or TEMPORAL_CLI_PATH');
  const [port, httpPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--http-port', String(httpPort), '--metrics-port', String(metricsPort));
  args.push('--db-filename', join(dataDir, 'temporal.db'), '--log-level', 'warn', ...devServerTuning(repoRoot));
  for (const key of PARK_CASE_SEARCH_ATTRIBUTES) args.push('--search-attribute', `${key.name}=${CLI_TYPE[key.type]}`);
  const process = new ManagedProcess(
    'temporal',
    executable.path,
    args,
    () => env,
    join(dataDir, 'temporal.log'),
    repoRoot,
  );
  const address = `127.0.0.1:${port}`;
  return {
    process,
    address,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    async start() {
      process.start();
      await untilAlive(process, 'the Temporal dev server to answer', () => answers(address));
    },
  };
}

/**
 * `npm run cluster`'s server: the Temporal server built from its Go module, on the stack's PostgreSQL, configured
 * from docker/temporal/server-postgres.yaml on free ports. The first start runs compose's own scripts: the schemas
 * (setup-schema.sh with temporal-sql-tool) before, the namespace and search attributes (create-namespace.sh) after.
 */
export async function clusterServer(
  { repoRoot, dataDir, env }: Where,
  databaseUrl: () => string,
): Promise<TemporalService> {
  const tools = join(repoRoot, '.tools');
  if (!existsSync(join(tools, 'temporal-server')) || !existsSync(join(tools, 'temporal')))
    throw new Error('the cluster needs .tools/temporal-server and .tools/temporal, built with Go by npm run provision');
  let ports = await freeServerPorts();
  const root = join(dataDir, 'temporal-server');
  const args = ['--root', root, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'];
  const process = new ManagedProcess(
    'temporal',
    join(tools, 'temporal-server'),
    args,
    () => env,
    join(dataDir, 'temporal.log'),
    repoRoot,
  );
  const script = (name: string, extra: NodeJS.ProcessEnv): Promise<unknown> =>
    run('sh', [join(repoRoot, 'docker', 'temporal', name)], {
      cwd: repoRoot,
      env: { ...env, ...extra, PATH: `${tools}:${env.PATH ?? ''}` },
      timeout: 180_000,
    }).catch((error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`docker/temporal/${name} failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
  const writeConfig = (): void => {
    mkdirSync(join(root, 'config'), { recursive: true });
    writeFileSync(join(root, 'config', 'development.yaml'), renderServerConfig(repoRoot, databaseUrl(), ports));
  };
  const service: TemporalService = {
    process,
    get address() {
      return `127.0.0.1:${ports.FRONTEND_GRPC_PORT}`;
    },
    get metricsUrl() {
      return `http://127.0.0.1:${ports.METRICS_PORT}/metrics`;
    },
    async start() {
      const first = process.starts === 0;
      if (first) {
        writeConfig();
        await script('setup-schema.sh', {
          ...temporalDatabaseEnv(databaseUrl()),
          TEMPORAL_SQL_TOOL: join(tools, 'temporal-sql-tool'),
          TEMPORAL_SCHEMA_DIR: join(tools, 'temporal-schema'),
        });
      }
      for (let attempt = 1; ; attempt += 1) {
        process.start();
        try {
          await untilAlive(process, 'the Temporal server to answer', () => answers(service.address));
          break;
        } catch (error) {
          // Its ten ports were free when chosen; a process started meanwhile (another test's stack) may hold one now.
          // On a first start only (later ones keep the ports clients know), choose again.
          if (!first || attempt === PORT_ATTEMPTS || !/address already in use/.test(process.log())) throw error;
          ports = await freeServerPorts();
          writeConfig();
        }
      }
      if (first)
        await script('create-namespace.sh', { TEMPORAL_ADDRESS: service.address, DEFAULT_NAMESPACE: 'default' });
    },
  };
  return service;
}

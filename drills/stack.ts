import { Connection } from '@temporalio/client';
import { join } from 'node:path';
import { freePort } from '../scripts/local-postgres';
import { devServerExecutable } from '../test/support/temporal-executables';
import { PARK_CASE_SEARCH_ATTRIBUTES } from '../workflows/definitions/search-attributes';
import { clusterProcesses, postmasterPid } from './postgres-cluster';
import { ManagedProcess, pidAlive, waitFor } from './processes';

/** Where the stack runs from and how its API is tuned for the drills. */
export interface StackOptions {
  /** The repository (cwd of every process: `.tools/`, `node_modules/`). */
  repoRoot: string;
  /**
   * The compiled project (`tsc -p tsconfig.build.json`): `worker/main.js`, `api/main.js`,
   * `scripts/local-postgres.cli.js`.
   */
  buildDir: string;
  /** A fresh directory for PostgreSQL's cluster, Temporal's SQLite file and the logs. */
  dataDir: string;
  /** The API's `UPDATE_WAIT_MS`. */
  updateWaitMs: number;
  /** The API's `IDEMPOTENCY_LEASE_MS`: short, so a key claimed by a killed API is taken over within the drill. */
  leaseMs: number;
}

/** How long each process may take to come up (first start or restart). */
const START_BOUND_MS = 120_000;
/** The JWT secret of the drill stack's API (HS256 development tokens, as in `npm run dev`). */
export const DRILL_JWT_SECRET = 'parkflow-drills-secret-0123456789';
/** The CLI names of the search-attribute types (`temporal server start-dev --search-attribute Name=Type`). */
const CLI_TYPE = { KEYWORD: 'Keyword', DATETIME: 'Datetime', INT: 'Int' } as const;

/**
 * The four processes of `npm run dev` (scripts/dev.sh) — embedded PostgreSQL, Temporal dev server with its
 * SQLite file, worker, API — on free ports and a temporary data dir, each a separate OS process the drills kill
 * with -9, pause and restart with the same data (issue 10 item 9).
 */
export class DrillStack {
  readonly taskQueue = 'parkflow';
  readonly postgres: ManagedProcess;
  readonly temporal: ManagedProcess;
  readonly worker: ManagedProcess;
  readonly api: ManagedProcess;
  databaseUrl = '';

  private constructor(
    readonly options: StackOptions,
    readonly ports: { postgres: number; temporal: number; api: number },
    temporalCommand: string,
    temporalArgs: string[],
  ) {
    const { repoRoot, buildDir, dataDir } = options;
    const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' };
    for (const name of [
      'DATABASE_URL',
      'TEMPORAL_ADDRESS',
      'TEMPORAL_NAMESPACE',
      'TEMPORAL_TASK_QUEUE',
      'PORT',
      'SMTP_URL',
      'MUNICIPAL_NOTICE_EMAILS',
    ])
      delete base[name];
    const log = (name: string): string => join(dataDir, `${name}.log`);
    const node = (name: string, script: string, env: () => NodeJS.ProcessEnv): ManagedProcess =>
      new ManagedProcess(
        name,
        process.execPath,
        [join(buildDir, script)],
        () => ({ ...base, ...env() }),
        log(name),
        repoRoot,
      );
    const app = (): NodeJS.ProcessEnv => ({
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
    });
    this.postgres = node('postgres', join('scripts', 'local-postgres.cli.js'), () => ({
      PARKFLOW_PG_DIR: this.pgDir,
      PARKFLOW_PG_PORT: String(ports.postgres),
    }));
    this.temporal = new ManagedProcess(
      'temporal',
      temporalCommand,
      temporalArgs,
      () => base,
      log('temporal'),
      repoRoot,
    );
    this.worker = node('worker', join('worker', 'main.js'), app);
    this.api = node('api', join('api', 'main.js'), () => ({
      ...app(),
      PORT: String(ports.api),
      AUTH_JWT_SECRET: DRILL_JWT_SECRET,
      UPDATE_WAIT_MS: String(options.updateWaitMs),
      IDEMPOTENCY_LEASE_MS: String(options.leaseMs),
      // The drill's own clients poll outcomes often; rate limiting is not what is drilled.
      RATE_LIMIT_BURST: '100000',
      RATE_LIMIT_PER_MINUTE: '1000000',
    }));
  }

  get pgDir(): string {
    return join(this.options.dataDir, 'postgres');
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.ports.temporal}`;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.ports.api}`;
  }

  /** Starts PostgreSQL (migrated), Temporal, the worker and the API, and waits until `/health/ready` is 200. */
  static async start(options: StackOptions): Promise<DrillStack> {
    const executable = devServerExecutable();
    if (executable.type !== 'existing-path')
      throw new Error('the drills need the Temporal CLI: .tools/temporal (npm run provision) or TEMPORAL_CLI_PATH');
    const ports = { postgres: await freePort(), temporal: await freePort(), api: await freePort() };
    const temporalArgs = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(ports.temporal)];
    temporalArgs.push('--http-port', String(await freePort()), '--metrics-port', String(await freePort()));
    temporalArgs.push('--db-filename', join(options.dataDir, 'temporal.db'), '--log-level', 'warn');
    // The same search attributes as scripts/dev.sh, on every (re)start of the same SQLite file.
    for (const key of PARK_CASE_SEARCH_ATTRIBUTES)
      temporalArgs.push('--search-attribute', `${key.name}=${CLI_TYPE[key.type]}`);
    const stack = new DrillStack(options, ports, executable.path, temporalArgs);
    await Promise.all([stack.startPostgres(), stack.startTemporal()]);
    await stack.startWorker();
    await stack.startApi();
    await stack.ready();
    return stack;
  }

  /** `node dist/scripts/local-postgres.cli.js`: starts (or recovers) the cluster in the data dir and prints its URL. */
  async startPostgres(): Promise<void> {
    const from = this.postgres.logSize();
    this.postgres.start();
    const line = await this.until(
      this.postgres,
      'PostgreSQL to print DATABASE_URL',
      () => /^DATABASE_URL=(\S+)$/m.exec(this.postgres.log(from))?.[1],
    );
    this.databaseUrl = line;
  }

  /** The postmaster's pid (undefined when it is not running). */
  postmasterPid(): number | undefined {
    return postmasterPid(this.pgDir);
  }

  /**
   * The fault of drill 4: SIGKILL to the postmaster alone, as a crash. Its backends notice and exit on their own
   * (a busy one may still finish the statement it runs); this returns once none is left — from then on the
   * cluster serves nothing.
   */
  async killPostgres(): Promise<void> {
    const pid = this.postmasterPid();
    if (pid === undefined) throw new Error('no live postmaster to kill');
    process.kill(pid, 'SIGKILL');
    const gone = (): boolean => !pidAlive(pid) && clusterProcesses(this.pgDir).length === 0;
    await waitFor('the postmaster and its backends to exit', gone, 10_000, 20);
  }

  /** Restarts PostgreSQL on the same cluster: the launcher and its orphaned backends go, a new launcher recovers it. */
  async restartPostgres(): Promise<void> {
    await this.postgres.killGroup();
    await this.startPostgres();
  }

  async startTemporal(): Promise<void> {
    this.temporal.start();
    await this.until(this.temporal, 'the Temporal dev server to answer', async () => {
      try {
        await (await Connection.connect({ address: this.temporalAddress, connectTimeout: 1_000 })).close();
        return true;
      } catch {
        return false;
      }
    });
  }

  /** Starts the worker and waits for its 'worker polling' line (it bundles the workflows first). */
  async startWorker(): Promise<void> {
    const from = this.worker.logSize();
    this.worker.start();
    await this.until(this.worker, "the worker's 'worker polling' line", () =>
      this.worker.log(from).includes('"message":"worker polling"'),
    );
  }

  /** Starts the API and waits until it answers `/health/live`. */
  async startApi(): Promise<void> {
    this.api.start();
    await this.until(
      this.api,
      'the API to answer /health/live',
      async () => (await this.status('/health/live')) === 200,
    );
  }

  /** Waits until `/health/ready` is 200: PostgreSQL, Temporal and a polling worker (what `npm run dev` waits for). */
  async ready(withinMs = START_BOUND_MS): Promise<void> {
    await waitFor(
      'GET /health/ready to answer 200',
      async () => (await this.status('/health/ready')) === 200,
      withinMs,
      200,
    );
  }

  /** Stops every process (API and worker first, while their dependencies still answer). */
  async stop(): Promise<void> {
    await Promise.all([this.api.stop(), this.worker.stop(15_000)]);
    await Promise.all([this.temporal.stop(), this.postgres.stop()]);
  }

  private async status(path: string): Promise<number | undefined> {
    try {
      return (await fetch(`${this.apiUrl}${path}`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch {
      return undefined;
    }
  }

  /** Waits for `probe`, failing at once (with the log's tail) when the process exits instead. */
  private async until<T>(
    proc: ManagedProcess,
    what: string,
    probe: () => T | undefined | false | Promise<T | undefined | false>,
  ): Promise<T> {
    return waitFor(
      what,
      async () => {
        if (!proc.alive())
          throw new Error(`${proc.name} exited while waiting for ${what}; its log ends:\n${proc.log().slice(-3_000)}`);
        return probe();
      },
      START_BOUND_MS,
      100,
    );
  }
}

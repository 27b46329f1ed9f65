import { join } from 'node:path';
import { freePort } from '../../scripts/free-port';
import { clusterProcesses, postmasterPid } from '../postgres/postgres-cluster';
import { ManagedProcess, pidAlive, START_BOUND_MS, status, untilAlive, waitFor } from '../processes/managed-process';
import { clusterServer, devServer, type TemporalService } from '../temporal/temporal-services';

/**
 * `dev`: the processes of `npm run dev` (one worker, one API, the CLI's dev server on SQLite). `cluster`: those of
 * `npm run cluster` (the Temporal server on PostgreSQL, two workers, two API instances behind the front door).
 */
export type Topology = 'dev' | 'cluster';

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
  /** `dev` unless said. */
  topology?: Topology;
  /** More API environment from the first start (e.g. a scale run's POLICY_TIME_SCALE): no restart, no port race. */
  apiEnv?: Record<string, string>;
}

/** The JWT secret of the drill stack's API (HS256 development tokens, as in `npm run dev`). */
export const DRILL_JWT_SECRET = 'parkflow-drills-secret-0123456789';
const DRILL_DOCUMENT_LINK_SECRET = 'parkflow-drills-document-links-0123456789';

const local = (port: number): string => `http://127.0.0.1:${port}`;

/**
 * The processes of `npm run dev` (scripts/dev.sh) or of `npm run cluster` (scripts/cluster.sh) — embedded PostgreSQL,
 * the Temporal server, the worker(s), the API instance(s) and, in the cluster, the front door — on free ports and a
 * temporary data dir, each a separate OS process the drills kill with -9, pause and restart with the same data
 * (issue 10 item 9, issue 12 item 2).
 */
export class DrillStack {
  readonly taskQueue = 'parkflow';
  readonly postgres: ManagedProcess;
  readonly workers: ManagedProcess[];
  readonly apis: ManagedProcess[];
  /** The cluster's one address in front of the API instances (none in the dev topology). */
  readonly frontDoor: ManagedProcess | undefined;
  databaseUrl = '';
  /** More API environment, read at each (re)start of an API instance (e.g. a life's POLICY_TIME_SCALE). */
  apiEnv: Record<string, string>;
  private service: TemporalService | undefined;

  private constructor(
    readonly options: StackOptions,
    readonly ports: { postgres: number; apis: number[]; workerMetrics: number[]; frontDoor?: number },
    readonly env: NodeJS.ProcessEnv,
  ) {
    const { repoRoot, buildDir, dataDir } = options;
    this.apiEnv = options.apiEnv ?? {};
    const node = (name: string, script: string, more: () => NodeJS.ProcessEnv): ManagedProcess =>
      new ManagedProcess(
        name,
        process.execPath,
        [join(buildDir, script)],
        () => ({ ...env, ...more() }),
        join(dataDir, `${name}.log`),
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
    const many = ports.apis.length > 1;
    const named = (name: string, i: number): string => (many ? `${name}-${i + 1}` : name);
    this.workers = ports.workerMetrics.map((metrics, i) =>
      node(named('worker', i), join('worker', 'main.js'), () => ({ ...app(), WORKER_METRICS_PORT: String(metrics) })),
    );
    this.apis = ports.apis.map((port, i) =>
      node(named('api', i), join('api', 'main.js'), () => ({
        ...app(),
        PORT: String(port),
        AUTH_JWT_SECRET: DRILL_JWT_SECRET,
        // One key for every instance: a download link one instance signs, another behind the front door serves.
        DOCUMENT_LINK_SECRET: DRILL_DOCUMENT_LINK_SECRET,
        UPDATE_WAIT_MS: String(options.updateWaitMs),
        IDEMPOTENCY_LEASE_MS: String(options.leaseMs),
        // The drill's own clients poll outcomes often; rate limiting is not what is drilled.
        RATE_LIMIT_BURST: '100000',
        RATE_LIMIT_PER_MINUTE: '1000000',
        ...this.apiEnv,
      })),
    );
    this.frontDoor =
      ports.frontDoor === undefined
        ? undefined
        : node('front-door', join('scripts', 'front-door.cli.js'), () => ({
            FRONT_DOOR_PORT: String(ports.frontDoor),
            FRONT_DOOR_UPSTREAMS: ports.apis.map(local).join(','),
          }));
  }

  get pgDir(): string {
    return join(this.options.dataDir, 'postgres');
  }

  private get temporalService(): TemporalService {
    if (!this.service) throw new Error('the stack has no Temporal server yet');
    return this.service;
  }

  get temporal(): ManagedProcess {
    return this.temporalService.process;
  }

  get temporalAddress(): string {
    return this.temporalService.address;
  }

  /** The Temporal server's own Prometheus endpoint. */
  get temporalMetricsUrl(): string {
    return this.temporalService.metricsUrl;
  }

  /** The first worker and API instance (the only ones in the dev topology). */
  get worker(): ManagedProcess {
    return this.workers[0];
  }

  get api(): ManagedProcess {
    return this.apis[0];
  }

  /** Every process, in start order. */
  get processes(): ManagedProcess[] {
    return [this.postgres, this.temporal, ...this.workers, ...this.apis, ...(this.frontDoor ? [this.frontDoor] : [])];
  }

  /** Where officers reach the API: the front door in the cluster, the one instance in dev. */
  get apiUrl(): string {
    return local(this.ports.frontDoor ?? this.ports.apis[0]);
  }

  /** Starts every process and waits until `/health/ready` is 200 (on every instance and at the front door). */
  static async start(options: StackOptions): Promise<DrillStack> {
    const cluster = options.topology === 'cluster';
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' };
    for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'PORT'])
      delete env[name];
    for (const name of ['SMTP_URL', 'MUNICIPAL_NOTICE_EMAILS']) delete env[name];
    const apis = cluster ? [await freePort(), await freePort()] : [await freePort()];
    const workerMetrics = await Promise.all(apis.map(() => freePort()));
    const ports = {
      postgres: await freePort(),
      apis,
      workerMetrics,
      ...(cluster ? { frontDoor: await freePort() } : {}),
    };
    const stack = new DrillStack(options, ports, env);
    const where = { repoRoot: options.repoRoot, dataDir: options.dataDir, env };
    if (cluster) {
      stack.service = await clusterServer(where, () => stack.databaseUrl);
      await stack.startPostgres(); // Temporal's own databases live there
      await stack.startTemporal();
    } else {
      stack.service = await devServer(where);
      await Promise.all([stack.startPostgres(), stack.startTemporal()]);
    }
    await Promise.all(stack.workers.map((_, i) => stack.startWorker(i)));
    await Promise.all(stack.apis.map((_, i) => stack.startApi(i)));
    if (stack.frontDoor) await stack.startFrontDoor();
    await stack.ready();
    return stack;
  }

  /** `node dist/scripts/local-postgres.cli.js`: starts (or recovers) the cluster in the data dir and prints its URL. */
  async startPostgres(): Promise<void> {
    const from = this.postgres.logSize();
    this.postgres.start();
    const line = await untilAlive(
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

  /** Starts the Temporal server (again, on the same data: SQLite file or PostgreSQL) and waits until it answers. */
  startTemporal(): Promise<void> {
    return this.temporalService.start();
  }

  /** Starts worker `i` and waits for its 'worker polling' line (it bundles the workflows first). */
  async startWorker(i = 0): Promise<void> {
    const worker = this.workers[i];
    const from = worker.logSize();
    worker.start();
    await untilAlive(worker, `${worker.name}'s 'worker polling' line`, () =>
      worker.log(from).includes('"message":"worker polling"'),
    );
  }

  /** Starts API instance `i` (with {@link apiEnv}) and waits until it answers `/health/live`. */
  async startApi(i = 0): Promise<void> {
    const api = this.apis[i];
    api.start();
    const url = local(this.ports.apis[i]);
    await untilAlive(
      api,
      `${api.name} to answer /health/live`,
      async () => (await status(url, '/health/live')) === 200,
    );
  }

  /** Restarts every API instance, one after the other, with `env` as its {@link apiEnv}; then waits until ready. */
  async restartApis(env: Record<string, string>): Promise<void> {
    this.apiEnv = env;
    for (const [i, api] of this.apis.entries()) {
      await api.stop();
      await this.startApi(i);
    }
    await this.ready();
  }

  async startFrontDoor(): Promise<void> {
    const door = this.frontDoor as ManagedProcess;
    door.start();
    await untilAlive(door, 'the front door to answer', async () => (await status(this.apiUrl, '/health/live')) === 200);
  }

  /**
   * Waits until `/health/ready` is 200 — PostgreSQL, Temporal and a polling worker (what `npm run dev` waits for) —
   * on every API instance and, in the cluster, at the front door.
   */
  async ready(withinMs = START_BOUND_MS): Promise<void> {
    for (const url of [...new Set([...this.ports.apis.map(local), this.apiUrl])])
      await waitFor(
        `GET ${url}/health/ready to answer 200`,
        async () => (await status(url, '/health/ready')) === 200,
        withinMs,
        200,
      );
  }

  /** Stops every process (front door, APIs and workers first, while their dependencies still answer). */
  async stop(): Promise<void> {
    await this.frontDoor?.stop();
    await Promise.all([...this.apis.map((api) => api.stop()), ...this.workers.map((w) => w.stop(15_000))]);
    await Promise.all([this.service?.process.stop(), this.postgres.stop()]);
  }
}

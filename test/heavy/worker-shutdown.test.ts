import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { freePort } from '../../scripts/free-port';
import { SHUTDOWN_GRACE_MS } from '../../worker/create-worker';
import type { ParkCaseInput } from '../../workflows/definitions/case';
import {
  PARK_CASE_WORKFLOW_TYPE,
  parkCaseWorkflowId,
  submitApplicationUpdate,
} from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { DISTRICT_KEY } from '../../workflows/definitions/search-attributes';
import { eventually } from '../../tooling/eventually';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { validApplication } from '../../tooling/fixtures/applications';
import { devServerExecutable } from '../../tooling/temporal/temporal-executables';
import { compiledBuild } from '../support/jest/compiled-build';

/**
 * Issue 10 item 7, "Shutdown": SIGTERM ends the worker process (`node dist/worker/main.js`) within its grace
 * time plus 10 s, whatever the load or the server's state — here with its Temporal dev server killed (-9) just
 * before, idle and busy (filings whose read-model write is held by a PostgreSQL lock the test keeps).
 */
const root = join(__dirname, '..', '..');
const EXIT_BOUND_MS = SHUTDOWN_GRACE_MS + 10_000;
/** The test sees the exit by polling /proc every 50 ms: this much slack on top of the bound, no more. */
const OBSERVATION_SLACK_MS = 500;

const alive = (pid: number): boolean => {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false; // no /proc entry: gone
  }
};

const BUILD_DIR = compiledBuild();

/** A spawned process with its output collected. */
interface Proc {
  child: ChildProcess;
  pid: number;
  output: () => string;
}
const started: Proc[] = [];
function start(command: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const proc = { child, pid: child.pid as number, output: () => output };
  started.push(proc);
  return proc;
}

/** A Temporal dev server of our own (so it can be killed with -9), on free ports and a throw-away database. */
async function startTemporal(dataDir: string): Promise<{ server: Proc; address: string }> {
  const executable = devServerExecutable();
  if (executable.type !== 'existing-path')
    throw new Error('needs the Temporal CLI: .tools/temporal (npm run provision) or TEMPORAL_CLI_PATH');
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const server = start(
    executable.path,
    [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--http-port',
      String(await freePort()),
      '--metrics-port',
      String(await freePort()),
      '--db-filename',
      join(dataDir, `temporal-${port}.db`),
      '--log-level',
      'warn',
      '--search-attribute',
      'CaseStage=Keyword',
      '--search-attribute',
      'District=Keyword',
      '--search-attribute',
      'NextDeadline=Datetime',
      '--search-attribute',
      'OverdueReports=Int',
    ],
    process.env,
  );
  await eventually(
    async () => {
      if (!alive(server.pid)) throw new Error(`the Temporal dev server exited:\n${server.output()}`);
      try {
        await (await Connection.connect({ address, connectTimeout: 1_000 })).close();
        return true;
      } catch {
        return false;
      }
    },
    'the Temporal dev server to answer',
    60_000,
  );
  return { server, address };
}

/** One JSON log line of the worker. */
type LogLine = { level: string; message: string; [field: string]: unknown };
const logLines = (worker: Proc): LogLine[] =>
  worker
    .output()
    .split('\n')
    .flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as LogLine;
        return parsed && typeof parsed.message === 'string' ? [parsed] : [];
      } catch {
        return []; // not one of the worker's JSON lines (e.g. SDK output)
      }
    });

async function startWorker(address: string, taskQueue: string): Promise<Proc> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    TEMPORAL_NAMESPACE: 'default',
  };
  delete env.SMTP_URL;
  const worker = start(process.execPath, [join(BUILD_DIR, 'worker', 'main.js')], env);
  await eventually(
    () => {
      if (!alive(worker.pid)) throw new Error(`the worker exited before polling:\n${worker.output()}`);
      return logLines(worker).some((line) => line.message === 'worker polling');
    },
    "the worker's 'worker polling' log line",
    90_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${worker.output()}`);
  });
  return worker;
}

/** Kills the server with -9, sends SIGTERM to the worker, and measures how long the worker process lives on. */
async function killServerThenTerminate(
  server: Proc,
  worker: Proc,
): Promise<{ exitMs: number; code: number | null; signal: NodeJS.Signals | null }> {
  const serverGone = new Promise<void>((resolve) =>
    server.child.exitCode !== null || server.child.signalCode !== null
      ? resolve()
      : server.child.once('exit', () => resolve()),
  );
  const workerExit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    worker.child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  process.kill(server.pid, 'SIGKILL');
  await serverGone;
  expect(alive(server.pid)).toBe(false);
  const signalledAt = Date.now();
  process.kill(worker.pid, 'SIGTERM');
  await eventually(() => !alive(worker.pid), 'the worker process to exit after SIGTERM', EXIT_BOUND_MS + 5_000).catch(
    (error: Error) => {
      throw new Error(
        `${error.message} (still alive ${Date.now() - signalledAt} ms after SIGTERM)\n${worker.output()}`,
      );
    },
  );
  const exitMs = Date.now() - signalledAt;
  const exit = await workerExit;
  // Reported so the run shows the measured time (the issue asks for the number).
  const steps = logLines(worker)
    .filter((line) => !['PostgreSQL connected', 'Temporal connected', 'worker polling'].includes(line.message))
    .map((line) => line.message);
  process.stdout.write(
    `[worker-shutdown] exited ${exitMs} ms after SIGTERM (code ${exit.code}, ` +
      `signal ${exit.signal}); steps: ${JSON.stringify(steps)}\n`,
  );
  return { exitMs, ...exit };
}

let dataDir: string;
const connections: Connection[] = [];
let lock: PgClient | undefined;
/** A database of this test's own: the busy case locks park_cases, which must not stall the other suites' writes. */
let database: OwnDatabase | undefined;
let databaseUrl: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'parkflow-worker-shutdown-'));
  database = await createOwnDatabase('parkflow_worker_shutdown');
  databaseUrl = database.url;
});
afterAll(async () => {
  await lock?.query('ROLLBACK').catch(() => undefined);
  await lock?.end().catch(() => undefined);
  for (const proc of started) {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await Promise.all(connections.map((connection) => connection.close().catch(() => undefined)));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await database?.drop().catch(() => undefined);
});

describe(
  'issue 10 item 7 "Shutdown": SIGTERM ends a worker within its ' +
    "grace time plus 10 s whatever the load or the server's state",
  () => {
    it(
      'an idle worker whose Temporal server was just killed with ' +
        '-9 exits within grace + 10 s of SIGTERM, logging each step',
      async () => {
        if (process.platform !== 'linux') return; // reads /proc
        const { server, address } = await startTemporal(dataDir);
        const worker = await startWorker(address, `parkflow-shutdown-idle-${randomUUID()}`);

        const { exitMs } = await killServerThenTerminate(server, worker);
        expect(exitMs).toBeLessThan(EXIT_BOUND_MS + OBSERVATION_SLACK_MS);
        const messages = logLines(worker).map((line) => line.message);
        expect(messages).toContain('shutting down: no new tasks, in-flight ones get the grace time');
        expect(logLines(worker).find((line) => line.message.startsWith('shutting down'))).toMatchObject({
          signal: 'SIGTERM',
          graceMs: SHUTDOWN_GRACE_MS,
          exitAfterMs: EXIT_BOUND_MS,
        });
        // Either the worker stopped and the connections were closed in order, or the exit timer ended it.
        const orderly = ['Temporal connection closed', 'PostgreSQL DataSource closed', 'exiting'].every((step) =>
          messages.includes(step),
        );
        const forced = messages.includes('shutdown did not finish in time; exiting anyway');
        expect({ orderly, forced, messages }).toMatchObject({ [orderly ? 'orderly' : 'forced']: true });
      },
    );

    it(
      'a busy worker (filings whose read-model write waits on a PostgreSQL lock) ' +
        'whose server was just killed with -9 exits within grace + 10 s of SIGTERM',
      async () => {
        if (process.platform !== 'linux') return; // reads /proc
        const { server, address } = await startTemporal(dataDir);
        const taskQueue = `parkflow-shutdown-busy-${randomUUID()}`;
        const worker = await startWorker(address, taskQueue);

        // Every recordCaseChange (a local activity, in the filing's workflow task) blocks on this lock.
        lock = new PgClient({ connectionString: databaseUrl });
        await lock.connect();
        await lock.query('BEGIN');
        await lock.query('LOCK TABLE park_cases IN ACCESS EXCLUSIVE MODE');
        const connection = await Connection.connect({ address });
        connections.push(connection);
        const client = new Client({ connection });
        const abandon = new AbortController(); // the filings' calls retry against the dead server until aborted
        let settled = 0;
        const filings = Array.from({ length: 5 }, () => {
          const application = validApplication();
          const input: ParkCaseInput = {
            caseId: randomUUID(),
            district: application.district,
            parkName: application.parkName,
            policy: DEFAULT_POLICY,
            policyTimeScale: 1,
          };
          return client
            .withAbortSignal(abandon.signal, () =>
              client.workflow.executeUpdateWithStart(submitApplicationUpdate, {
                args: [
                  { application, actor: { id: 'district-officer', role: 'district', district: application.district } },
                ],
                startWorkflowOperation: new WithStartWorkflowOperation(PARK_CASE_WORKFLOW_TYPE, {
                  workflowId: parkCaseWorkflowId(input.caseId),
                  taskQueue,
                  args: [input],
                  workflowIdConflictPolicy: 'FAIL',
                  typedSearchAttributes: [{ key: DISTRICT_KEY, value: application.district }],
                }),
              }),
            )
            .catch(() => undefined) // never answered: the server dies first
            .finally(() => settled++);
        });
        const waiting = async (): Promise<number> => {
          const {
            rows: [{ count }],
          } = await lock!.query(
            `SELECT count(*)::int AS count FROM pg_locks l JOIN pg_class c ON ` +
              `c.oid = l.relation WHERE c.relname = 'park_cases' AND NOT l.granted`,
          );
          return count as number;
        };
        await eventually(
          async () => (await waiting()) >= 1,
          "the worker's case writes to wait on the lock",
          30_000,
        ).catch((error: Error) => {
          throw new Error(`${error.message}\n${worker.output()}`);
        });

        const { exitMs } = await killServerThenTerminate(server, worker);
        expect(exitMs).toBeLessThan(EXIT_BOUND_MS + OBSERVATION_SLACK_MS);
        const messages = logLines(worker).map((line) => line.message);
        expect(messages).toContain('shutting down: no new tasks, in-flight ones get the grace time');
        const orderly = ['Temporal connection closed', 'PostgreSQL DataSource closed', 'exiting'].every((step) =>
          messages.includes(step),
        );
        const forced = messages.includes('shutdown did not finish in time; exiting anyway');
        expect({ orderly, forced, messages }).toMatchObject({ [orderly ? 'orderly' : 'forced']: true });

        await lock.query('ROLLBACK');
        await lock.end();
        lock = undefined;
        abandon.abort();
        await eventually(() => settled === filings.length, 'the abandoned filings to settle', 120_000);
        await connection.close();
      },
    );
  },
);

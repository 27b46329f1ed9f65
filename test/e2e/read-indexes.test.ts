import type { DataSource } from 'typeorm';
import { BUSY_DISTRICT, PANEL_EXPERT, seedPlan } from '../../bench/reads/seed-plan';
import { createDataSource } from '../../persistence/data-source';
import { ReadIndexes1764734400000 } from '../../persistence/migrations/1764734400000-read-indexes';
import { BenchSeedRepository } from '../../tooling/repositories/bench-seed.repository';
import { CaseDeadlinesRepository } from '../../persistence/repositories/case-deadlines.repository';
import type { Database } from '../../persistence/repositories/database';
import { NotificationsRepository } from '../../persistence/repositories/notifications.repository';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import { planNodes, QueryPlansRepository, type PlanNode } from '../../tooling/repositories/query-plans.repository';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';

/**
 * Issue 13 item 4: the list queries read the indexes of migration `ReadIndexes…` at a realistic size — the reads
 * bench's read model (`bench/reads/seed-plan.ts`) with 10,000 cases and 50,000 notices, vacuumed and analysed —
 * instead of scanning a big table or sorting every match. The statements are the repositories' own, built with the
 * parameters the API's services pass (a page of 50 is `LIMIT 51`), and run under `EXPLAIN (ANALYZE)`.
 */
const BIG_TABLES = ['park_cases', 'case_deadlines', 'notifications', 'notice_deliveries'];
/** A page's query sorts at most this many rows (a district's handful of matches, never a table). */
const MAX_SORTED_ROWS = 1_000;
const PAGE = 51;

let database: OwnDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  database = await createOwnDatabase('read_indexes');
  dataSource = await createDataSource(database.url).initialize();
  const seeds = new BenchSeedRepository(dataSource);
  await seeds.seed(seedPlan(10_000, 50_000));
  await seeds.analyse();
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

/** The one statement `read` runs, captured instead of run (the repository sees no rows). */
async function statementOf(read: (db: Database) => Promise<unknown>): Promise<{ sql: string; parameters: unknown[] }> {
  const statements: Array<{ sql: string; parameters: unknown[] }> = [];
  const capturing = {
    query: async (sql: string, parameters: unknown[] = []) => {
      statements.push({ sql, parameters });
      return [];
    },
  } as unknown as Database;
  await read(capturing);
  expect(statements).toHaveLength(1);
  return statements[0];
}

/** The plan's nodes after running `read`'s statement under EXPLAIN (ANALYZE). */
async function planOf(read: (db: Database) => Promise<unknown>): Promise<PlanNode[]> {
  const { sql, parameters } = await statementOf(read);
  const plan = await new QueryPlansRepository(dataSource).plan(sql, parameters, { analyze: true });
  return planNodes(plan.Plan);
}

const indexesOf = (nodes: PlanNode[]): string[] =>
  nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : []));

/**
 * Sequential scans of big tables (but `allowed`), and sorts of more rows than a page needs, as `what table/rows`.
 */
function findings(nodes: PlanNode[], allowed: readonly string[] = []): string[] {
  return nodes.flatMap((node) => {
    const table = node['Relation Name'] ?? '';
    if (node['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(table) && !allowed.includes(table)) {
      return [`Seq Scan ${table}`];
    }
    const input = node.Plans?.[0];
    const sorted = input ? (input['Actual Rows'] ?? 0) * (input['Actual Loops'] ?? 1) : 0;
    return node['Node Type'] === 'Sort' && sorted > MAX_SORTED_ROWS ? [`Sort of ${sorted} rows`] : [];
  });
}

const cases = (db: Database) => new ParkCasesRepository(db);
const deadlines = (db: Database) => new CaseDeadlinesRepository(db);
const inbox = (db: Database) => new NotificationsRepository(db);
/** Read marks are per officer (issue 20): the inbox is read as one of its officers. */
const MUNICIPAL = 'municipal-officer';

describe('the lists read their indexes with 10,000 cases and 50,000 notices (issue 13 item 4)', () => {
  interface Read {
    request: string;
    read: (db: Database) => Promise<unknown>;
    index: string;
    /** Big tables the planner may still scan whole for this read. */
    scanned?: string[];
  }
  it.each<Read>([
    {
      request: 'GET /v1/cases?stage=designated (municipal)',
      read: (db) => cases(db).list({ scope: { kind: 'all' }, stage: 'designated', limit: PAGE }),
      index: 'park_cases_stage_list_idx',
    },
    {
      request: 'GET /v1/cases (district officer)',
      read: (db) => cases(db).list({ scope: { kind: 'district', district: BUSY_DISTRICT }, limit: PAGE }),
      index: 'park_cases_district_list_idx',
    },
    {
      request: 'GET /v1/cases (expert)',
      read: (db) => cases(db).list({ scope: { kind: 'panel', expertId: PANEL_EXPERT }, limit: PAGE }),
      index: 'park_cases_panel_experts_idx',
    },
    {
      // The expert's few hundred cases come from the GIN index; their deadlines may be joined by hashing the whole
      // narrow case_deadlines (about 13,000 rows in 150 pages, ~1 ms) rather than probing it per case: that is the
      // planner's cheaper choice at this size, not the scan of every snapshot this test guards against.
      request: 'GET /v1/deadlines (expert)',
      read: (db) => deadlines(db).list({ scope: { kind: 'panel', expertId: PANEL_EXPERT }, limit: PAGE }),
      index: 'park_cases_panel_experts_idx',
      scanned: ['case_deadlines'],
    },
    {
      request: 'GET /v1/notifications (municipal)',
      read: (db) => inbox(db).list({ owner: { role: 'municipal' }, officer: MUNICIPAL, limit: PAGE }),
      index: 'notifications_municipal_inbox_idx',
    },
    {
      request: 'GET /v1/notifications?unread=true (municipal)',
      read: (db) => inbox(db).list({ owner: { role: 'municipal' }, officer: MUNICIPAL, unread: true, limit: PAGE }),
      index: 'notifications_municipal_inbox_idx',
    },
    {
      request: 'GET /v1/notifications?kind=refund_escalated (municipal)',
      read: (db) =>
        inbox(db).list({ owner: { role: 'municipal' }, officer: MUNICIPAL, kind: 'refund_escalated', limit: PAGE }),
      index: 'notifications_municipal_kind_idx',
    },
    {
      request: 'GET /v1/notifications (district officer)',
      read: (db) =>
        inbox(db).list({ owner: { role: 'district', district: BUSY_DISTRICT }, officer: 'yubei-officer', limit: PAGE }),
      index: 'notifications_district_inbox_idx',
    },
    {
      request: 'GET /v1/notifications?unread=true (expert)',
      read: (db) =>
        inbox(db).list({
          owner: { role: 'expert', expertId: PANEL_EXPERT },
          officer: PANEL_EXPERT,
          unread: true,
          limit: PAGE,
        }),
      index: 'notifications_expert_inbox_idx',
    },
    {
      request: 'GET /v1/notifications: its unreadCount (municipal)',
      read: (db) =>
        inbox(db)
          .unreadCount({ owner: { role: 'municipal' }, officer: MUNICIPAL })
          .catch(() => 0),
      index: 'notifications_unread_idx',
    },
    {
      request: 'GET /v1/notifications (finance officer)',
      read: (db) => inbox(db).list({ owner: { role: 'finance' }, officer: 'finance-officer', limit: PAGE }),
      index: 'notifications_finance_inbox_idx',
    },
  ])('$request reads $index, with no sequential scan of a big table and no big sort', async (each) => {
    const nodes = await planOf(each.read);
    expect(indexesOf(nodes)).toContain(each.index);
    expect(findings(nodes, each.scanned)).toEqual([]);
  });

  it('the other list queries scan no big table either: cases and deadlines unfiltered, overdue, by kind', async () => {
    const reads: Array<(db: Database) => Promise<unknown>> = [
      (db) => cases(db).list({ scope: { kind: 'all' }, limit: PAGE }),
      (db) => cases(db).list({ scope: { kind: 'all' }, overdue: true, limit: PAGE }),
      (db) => deadlines(db).list({ scope: { kind: 'all' }, limit: PAGE }),
      (db) => deadlines(db).list({ scope: { kind: 'all' }, kind: 'annual_report', limit: PAGE }),
      (db) => deadlines(db).list({ scope: { kind: 'district', district: BUSY_DISTRICT }, overdue: true, limit: PAGE }),
    ];
    for (const read of reads) expect(findings(await planOf(read))).toEqual([]);
  });

  it('without them (migration reverted), an expert’s cases are a seq scan, the municipal inbox a sort', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await new ReadIndexes1764734400000().down(runner);
      const expertCases = await planOf((db) =>
        cases(db).list({ scope: { kind: 'panel', expertId: PANEL_EXPERT }, limit: PAGE }),
      );
      const municipalInbox = await planOf((db) =>
        inbox(db).list({ owner: { role: 'municipal' }, officer: MUNICIPAL, limit: PAGE }),
      );
      expect(findings(expertCases)).toContain('Seq Scan park_cases');
      expect(findings(municipalInbox)).toEqual(expect.arrayContaining([expect.stringMatching(/^Sort of \d+ rows$/)]));
    } finally {
      await new ReadIndexes1764734400000().up(runner);
      await runner.release();
    }
  });
});

import type { CaseSnapshot } from '../../workflows/definitions/case';
import type { Database } from '../../persistence/repositories/database';

/**
 * What `npm run bench:reads` seeds, decided by the bench (`bench/reads/seed-plan.ts`) and applied here in bulk
 * (`INSERT … SELECT … FROM generate_series`): every choice of a row is a slot of a weighted list picked by a hash of
 * the row's number, so the same plan always yields the same rows.
 */
export interface BenchSeedPlan {
  cases: number;
  notices: number;
  /** Stages, each repeated by its weight: a case takes `stageSlots[hash % length]`. */
  stageSlots: string[];
  /** District codes, each repeated by its weight. */
  districtSlots: string[];
  /** Per stage: how many days before now a case of that stage was opened, [min, max]. */
  openedDaysAgo: Record<string, [number, number]>;
  /** Per stage: how many days before now a revoked case was revoked, [min, max] (revoked stages only). */
  revokedDaysAgo: Record<string, [number, number]>;
  /** Per stage: the snapshot its cases start from (the seed sets ids, district, dates, panel and deadlines). */
  templates: Record<string, CaseSnapshot>;
  /** Per stage: the deadlines its cases wait on, with the share (per mille) of cases that have each. */
  deadlines: Record<string, Array<{ kind: string; perMille: number }>>;
  /**
   * Per deadline kind: the day it falls due, `anchor` + an offset in days (`offsets[hash % length]` + hash % jitter),
   * ending 24:00 Chongqing (16:00 UTC). Anchors: today, the designation or revocation day, or the next 31 March.
   */
  dueRules: Record<string, BenchDueRule>;
  /** How many distinct experts sit on panels (`expert-000` …); a panel has 3–7 of them. */
  experts: number;
  /** Per stage: the notice kinds its cases received, each repeated by its weight (stages without notices absent). */
  noticeKindSlots: Record<string, string[]>;
  /** Per notice kind: who receives it (one picked per notice), its policy clause and a label for the message. */
  noticeKinds: Record<string, { roles: string[]; clause: string; label: string }>;
  /** Email delivery statuses of district and municipal notices, each repeated by its weight. */
  deliverySlots: string[];
}

/** When a deadline kind falls due: `anchor` + `offsets[hash % length]` + `hash % jitter` days, at 16:00 UTC. */
export interface BenchDueRule {
  anchor: 'today' | 'designated' | 'revoked' | 'next31March';
  offsets: number[];
  jitter: number;
}

/** How many rows a seed wrote, by table. */
export interface BenchSeedCounts {
  parkCases: number;
  caseDeadlines: number;
  notifications: number;
  noticeDeliveries: number;
}

/** The tables the reads bench fills (and analyses afterwards). */
const SEEDED_TABLES = ['park_cases', 'case_deadlines', 'notifications', 'notice_deliveries'];

/** A non-negative bigint hash of `tag` and the SQL expression `of`: the bench's deterministic "random". */
const hash = (tag: string, of: string): string => `(hashtext('${tag}:' || ${of})::bigint + 2147483648)`;

/** `slots[hash % length]` of a jsonb array of text. */
const slot = (slots: string, tag: string, of: string): string =>
  `(${slots} ->> (${hash(tag, of)} % jsonb_array_length(${slots}))::int)`;

/** An instant as the workflow writes it into snapshots: ISO 8601 in UTC with milliseconds. */
const iso = (instant: string): string => `to_char(${instant} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A number in the jsonb range `[min, max]` picked by hash. */
const inRange = (range: string, tag: string, of: string): string =>
  `((${range} ->> 0)::int + ${hash(tag, of)} % ((${range} ->> 1)::int - (${range} ->> 0)::int + 1))`;

/** An expert's id, `expert-000` … (the plan's `experts` of them), picked by a number. */
const expertId = (number: string): string =>
  `'expert-' || lpad(((${number}) % ($1::jsonb ->> 'experts')::int)::text, 3, '0')`;

/** A number of days, as an interval. */
const days = (count: string): string => `make_interval(days => (${count})::int)`;

/**
 * Cases with their snapshot (deadlines included), derived in steps: stage and district, then dates, then deadlines.
 * `$1` is the plan.
 */
const INSERT_CASES = `
WITH base AS (
  SELECT i, overlay(overlay(md5('parkflow-bench-case:' || i) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid::text
           AS case_id, -- a version-4 shaped UUID, as the API's case ids are
         ${slot(`($1::jsonb -> 'stageSlots')`, 'stage', 'i')} AS stage,
         ${slot(`($1::jsonb -> 'districtSlots')`, 'district', 'i')} AS district
  FROM generate_series(1, ($1::jsonb ->> 'cases')::int) i
), opened AS (
  SELECT b.*, d.name || '人力资源服务产业园（' || i || '号）' AS park_name,
         date_trunc('second', now() - ${days(inRange('r', 'opened', 'i'))}
           - make_interval(secs => ${hash('opened-time', 'i')} % 86400)) AS opened_at
  FROM base b JOIN districts d ON d.code = b.district,
       LATERAL (SELECT $1::jsonb -> 'openedDaysAgo' -> b.stage AS r) age
), designated AS (
  SELECT o.*,
         CASE WHEN $1::jsonb -> 'templates' -> o.stage -> 'designation' <> 'null'
           THEN least(now() - interval '1 day', o.opened_at + ${days(`75 + ${hash('designated', 'i')} % 60`)}) END
           AS designated_at
  FROM opened o
), lived AS (
  SELECT g.*,
         CASE WHEN r IS NOT NULL THEN greatest(g.designated_at + interval '1 day',
           date_trunc('second', now() - ${days(inRange('r', 'revoked', 'i'))}))
         END AS revoked_at
  FROM designated g, LATERAL (SELECT $1::jsonb -> 'revokedDaysAgo' -> g.stage AS r) age
), due AS (
  SELECT l.case_id, k ->> 'kind' AS kind,
         ((CASE rule ->> 'anchor'
             WHEN 'designated' THEN (l.designated_at AT TIME ZONE 'UTC')::date
             WHEN 'revoked' THEN (l.revoked_at AT TIME ZONE 'UTC')::date
             WHEN 'next31March' THEN make_date(extract(year FROM now() + interval '9 months')::int, 3, 31)
             ELSE (now() AT TIME ZONE 'UTC')::date END)
           + ${slot(`(rule -> 'offsets')`, 'offset', `l.i || (k ->> 'kind')`)}::int
           + (${hash('jitter', `l.i || (k ->> 'kind')`)} % greatest(1, (rule ->> 'jitter')::int))::int
         )::timestamp AT TIME ZONE 'UTC' + interval '16 hours' AS due_at
  FROM lived l
  CROSS JOIN LATERAL jsonb_array_elements($1::jsonb -> 'deadlines' -> l.stage) k
  CROSS JOIN LATERAL (SELECT $1::jsonb -> 'dueRules' -> (k ->> 'kind') AS rule) r
  WHERE ${hash('has', `l.i || (k ->> 'kind')`)} % 1000 < (k ->> 'perMille')::int
), deadlines AS (
  SELECT case_id, jsonb_agg(jsonb_build_object('kind', kind, 'dueAt', ${iso('due_at')},
           'dueDate', to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')) ORDER BY due_at, kind) AS list
  FROM due GROUP BY case_id
), shaped AS (
  SELECT l.*, least(now(), greatest(l.opened_at, l.designated_at, l.revoked_at)
           + ${days(hash('updated', 'l.i') + ' % 30')}) AS updated_at,
         1 + ${hash('version', 'l.i')} % 40 AS version,
         COALESCE(dl.list, '[]') AS deadline_list,
         (SELECT jsonb_agg(${expertId(`${hash('panel', 'l.i')} + 37 * k`)})
          FROM generate_series(0, 2 + (${hash('panel-size', 'l.i')} % 5)::int) k) AS expert_ids,
         $1::jsonb -> 'templates' -> l.stage AS template
  FROM lived l LEFT JOIN deadlines dl ON dl.case_id = l.case_id
)
INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, opened_at, updated_at, designated_at,
                        revoked_at)
SELECT case_id, district, park_name, stage, version,
       template || jsonb_build_object(
         'caseId', case_id, 'district', district, 'parkName', park_name, 'stage', stage, 'version', version,
         'deadlines', deadline_list, 'openedAt', ${iso('opened_at')}, 'updatedAt', ${iso('updated_at')},
         'openedAtMs', (extract(epoch FROM opened_at) * 1000)::bigint,
         'panel', CASE WHEN template -> 'panel' <> 'null'
                    THEN jsonb_set(template -> 'panel', '{expertIds}', expert_ids) ELSE 'null' END,
         'designation', CASE WHEN designated_at IS NOT NULL
                          THEN jsonb_set(template -> 'designation', '{designatedAt}', to_jsonb(${iso('designated_at')}))
                          ELSE 'null' END),
       opened_at, updated_at, designated_at, revoked_at
FROM shaped`;

/** The read model's deadlines, exactly those of each case's snapshot (as the recording activity writes them). */
const INSERT_DEADLINES = `
INSERT INTO case_deadlines (case_id, kind, due_at, due_wall_at)
SELECT c.case_id, d ->> 'kind', (d ->> 'dueAt')::timestamptz, (d ->> 'dueAt')::timestamptz
FROM park_cases c CROSS JOIN LATERAL jsonb_array_elements(c.snapshot -> 'deadlines') d`;

/** Notices spread over the cases whose stage received notices; `$1` is the plan. */
const INSERT_NOTICES = `
WITH noticed AS (
  SELECT case_id, district, park_name, stage, opened_at, row_number() OVER (ORDER BY case_id) - 1 AS rn
  FROM park_cases WHERE $1::jsonb -> 'noticeKindSlots' ? stage
), series AS (
  SELECT n, n % (SELECT count(*) FROM noticed) AS rn FROM generate_series(1, ($1::jsonb ->> 'notices')::int) n
), kinded AS (
  SELECT s.n, c.*, ${slot(`($1::jsonb -> 'noticeKindSlots' -> c.stage)`, 'kind', 's.n')} AS kind,
         date_trunc('second', c.opened_at + (now() - c.opened_at) * ((${hash('issued', 's.n')} % 10000) / 10000.0))
           AS issued_at
  FROM series s JOIN noticed c ON c.rn = s.rn
), roled AS (
  SELECT k.*, ${slot(`($1::jsonb -> 'noticeKinds' -> k.kind -> 'roles')`, 'role', 'k.n')} AS role,
         $1::jsonb -> 'noticeKinds' -> k.kind AS about,
         k.issued_at + ${days(`1 + ${hash('due', 'k.n')} % 30`)} AS due_at
  FROM kinded k
)
INSERT INTO notifications (key, case_id, kind, recipient_role, recipient_district, recipient_id, due_at, issued_at,
                           clause, message, created_at, read_at, delivery_status)
SELECT case_id || ':' || kind || ':' || n || ':' || role, case_id, kind, role,
       CASE WHEN role = 'district' THEN district END,
       CASE WHEN role = 'expert' THEN ${expertId(hash('expert', 'n'))} END,
       due_at, issued_at, about ->> 'clause',
       park_name || '：' || (about ->> 'label') || '，截止 ' || to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') ||
         '（重庆时间 24:00）。请登录 parkflow 办理，逾期将按《重庆市人力资源服务产业园认定管理办法》' ||
         (about ->> 'clause') || ' 处理。',
       issued_at,
       CASE WHEN ${hash('read', 'n')} % 100 < (CASE WHEN issued_at < now() - interval '30 days' THEN 85 ELSE 30 END)
         THEN least(now(), issued_at + ${days(`${hash('read-after', 'n')} % 10`)}) END,
       CASE WHEN role IN ('district', 'municipal') THEN
         CASE WHEN s = 'no_contacts' AND role = 'municipal' THEN 'delivered' ELSE s END
         ELSE 'inbox_only' END
FROM roled, LATERAL (SELECT ${slot(`($1::jsonb -> 'deliverySlots')`, 'delivery', 'n')} AS s) delivery`;

/** The email outbox of the emailed notices: one row per address (two for partially failed ones). */
const INSERT_DELIVERIES = `
INSERT INTO notice_deliveries (dedupe_key, notice_key, address, locale, subject, body, status, attempts, last_error,
                               created_at, sent_at, message_id)
SELECT n.key || '|' || a.address, n.key, a.address, a.locale,
       '[parkflow] ' || n.kind || ' ' || n.case_id, n.message || E'\\n\\n' || n.clause || E'\\n' || repeat('—', 40),
       a.status, CASE a.status WHEN 'pending' THEN 0 WHEN 'failed' THEN 3 ELSE 1 END,
       CASE WHEN a.status = 'failed' THEN '550 5.1.1 <' || a.address || '>: mailbox unavailable' END,
       n.created_at, CASE WHEN a.status = 'sent' THEN n.created_at + interval '2 minutes' END,
       '<' || md5(n.key || a.address) || '@parkflow.local>'
FROM notifications n
CROSS JOIN LATERAL (
  SELECT CASE WHEN n.recipient_role = 'municipal' THEN 'notices@rsj.cq.example'
              ELSE 'hr-' || n.recipient_district || '@cq.example' END AS address,
         'zh-CN' AS locale,
         CASE n.delivery_status WHEN 'delivered' THEN 'sent' WHEN 'partially_failed' THEN 'sent'
                                ELSE n.delivery_status END AS status
  UNION ALL
  SELECT CASE WHEN n.recipient_role = 'municipal' THEN 'office@rsj.cq.example'
              ELSE 'deputy-' || n.recipient_district || '@cq.example' END, 'en', 'failed'
  WHERE n.delivery_status = 'partially_failed'
) a
WHERE n.delivery_status IN ('delivered', 'pending', 'failed', 'partially_failed')`;

/**
 * Bulk seeding for `npm run bench:reads` (issue 13 item 4): 10,000 cases with their deadlines, 200,000 notices and
 * their email outbox, in a database of the bench's own. Never for a database that holds cases already.
 */
export class BenchSeedRepository {
  constructor(private readonly db: Database) {}

  /** Seeds the plan's rows in one transaction; refuses a database that holds cases or notices already. */
  async seed(plan: BenchSeedPlan): Promise<BenchSeedCounts> {
    return this.db.transaction(async (tx) => {
      const [{ held }]: Array<{ held: boolean }> = await tx.query(
        'SELECT EXISTS (SELECT 1 FROM park_cases) OR EXISTS (SELECT 1 FROM notifications) AS held',
      );
      if (held) throw new Error('the reads bench seeds an empty database only: this one holds cases or notices');
      const json = JSON.stringify(plan);
      await tx.query(INSERT_CASES, [json]);
      await tx.query(INSERT_DEADLINES);
      await tx.query(INSERT_NOTICES, [json]);
      await tx.query(INSERT_DELIVERIES);
      const [counts]: Array<Record<keyof BenchSeedCounts, number>> = await tx.query(
        `SELECT (SELECT count(*) FROM park_cases)::int AS "parkCases",
                (SELECT count(*) FROM case_deadlines)::int AS "caseDeadlines",
                (SELECT count(*) FROM notifications)::int AS "notifications",
                (SELECT count(*) FROM notice_deliveries)::int AS "noticeDeliveries"`,
      );
      return counts;
    });
  }

  /** Vacuums and analyses the seeded tables, as autovacuum would have by the time such a database is read. */
  async analyse(): Promise<void> {
    for (const table of SEEDED_TABLES) await this.db.query(`VACUUM ANALYZE ${table}`);
  }

  /** Analyses the seeded tables (after their indexes changed). */
  async analyseOnly(): Promise<void> {
    for (const table of SEEDED_TABLES) await this.db.query(`ANALYZE ${table}`);
  }

  /** The size of each seeded table with its indexes and TOAST, by table. */
  async sizes(): Promise<Array<{ table: string; rows: number; totalBytes: number; indexBytes: number }>> {
    const rows: Array<{ table: string; rows: number; total_bytes: string; index_bytes: string }> = await this.db.query(
      `SELECT relname AS table, reltuples::bigint::int AS rows, pg_total_relation_size(oid) AS total_bytes,
              pg_indexes_size(oid) AS index_bytes
       FROM pg_class WHERE relname = ANY($1) AND relkind = 'r' ORDER BY relname`,
      [SEEDED_TABLES],
    );
    return rows.map((row) => ({
      table: row.table,
      rows: row.rows,
      totalBytes: Number(row.total_bytes),
      indexBytes: Number(row.index_bytes),
    }));
  }
}

import { idempotentCaseIdFor } from '../api/idempotency/update-id';
import { PARK_CASE_WORKFLOW_TYPE } from '../workflows/definitions/messages';
import { isUndocumented5xx, type Exchange } from './api-client';
import { waitFor } from '../tooling/processes/managed-process';
import type { Probes } from './probes';
import { row, times, type Row } from './report';
import type { ActionRecord } from './stream';

/** Workflow statuses of a case that lives or ended properly; anything else (terminated, failed, timed out) is not. */
const PROPER = new Set(['RUNNING', 'COMPLETED', 'CONTINUED_AS_NEW']);
const CASE_ID = /^park-case-(.+)$/;

/**
 * "No ghost" (issue 10 item 3), over everything the stack holds (every drill so far): every case in the read
 * model has a workflow that lives or ended properly; every workflow has its case in the read model; every
 * filing answered 201/202 has its case; and no case exists that no 2xx answered — a filing that never got
 * one must have left nothing, under the caseId its key derives. `filedBefore`: cases filed (and answered) before the
 * first drill, outside the streams (e.g. the cluster test's whole life).
 */
export async function noGhosts(
  drill: string,
  allRecords: ActionRecord[],
  probes: Probes,
  filedBefore: ReadonlySet<string> = new Set(),
): Promise<Row> {
  const filings = allRecords.filter((r) => r.path === '/v1/applications');
  const answered = new Set([
    ...filedBefore,
    ...filings.filter((r) => r.answered2xx !== undefined).map((r) => r.caseId),
  ]);
  const unanswered = filings
    .filter((r) => r.answered2xx === undefined)
    .map((r) => idempotentCaseIdFor(r.caller, r.key));
  const temporal = await probes.temporal();
  let evidence: string[] = [];
  let counts = { workflows: 0, cases: 0 };
  // Visibility and the read model may lag the last answers by a moment: poll until they agree, bounded.
  await waitFor(
    'no ghost cases',
    async () => {
      const workflows = new Map<string, string>();
      for await (const execution of temporal.workflow.list({ query: `WorkflowType = '${PARK_CASE_WORKFLOW_TYPE}'` })) {
        const caseId = CASE_ID.exec(execution.workflowId)?.[1];
        if (caseId && (!workflows.has(caseId) || execution.status.name === 'RUNNING'))
          workflows.set(caseId, execution.status.name);
      }
      const cases = new Set(
        (await probes.sql<{ case_id: string }>('SELECT case_id FROM park_cases')).map((r) => r.case_id),
      );
      counts = { workflows: workflows.size, cases: cases.size };
      evidence = [];
      for (const caseId of cases) {
        const status = workflows.get(caseId);
        if (!status || !PROPER.has(status))
          evidence.push(`case ${caseId} in the read model, workflow ${status ?? 'missing'}`);
        if (!answered.has(caseId)) evidence.push(`case ${caseId} exists but no filing was answered 2xx for it`);
      }
      for (const [caseId, status] of workflows)
        if (!cases.has(caseId)) evidence.push(`workflow park-case-${caseId} (${status}) has no case in the read model`);
      for (const caseId of answered)
        if (!cases.has(caseId)) evidence.push(`filing answered 2xx as case ${caseId}, which is not in the read model`);
      for (const caseId of unanswered)
        if (cases.has(caseId) || workflows.has(caseId))
          evidence.push(`a filing never answered 2xx left case ${caseId}`);
      return evidence.length === 0;
    },
    30_000,
    500,
  ).catch(() => undefined);
  const numbers =
    `${counts.cases} cases, ${counts.workflows} workflows, ${answered.size} ` +
    `filings answered 2xx, ${unanswered.length} never, ${evidence.length} ghosts`;
  return row(drill, 'no ghost', numbers, evidence.length === 0, evidence);
}

/**
 * How long the API may take to store the answers it could not store during an outage (it retries every few seconds).
 */
const STORE_CATCH_UP_MS = 20_000;

/**
 * "No stranded key" (issue 10 item 2): once the stack has settled — requests inside their lease done, answers
 * that could not be stored during an outage stored by the API's background retries (bounded wait) — no
 * `idempotency_keys` row is `in_progress` (no stored answer) past its lease.
 */
export async function noStrandedKeys(drill: string, leaseMs: number, probes: Probes): Promise<Row> {
  await waitFor(
    'every claimed key to be answered',
    async () =>
      (await probes.sql<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE status IS NULL'))[0].n ===
      0,
    leaseMs + STORE_CATCH_UP_MS,
    250,
  ).catch(() => undefined);
  const [{ total, stranded, live }] = await probes.sql<{ total: number; stranded: number; live: number }>(
    `SELECT count(*)::int AS total, ` +
      `(count(*) FILTER (WHERE status IS NULL AND lease_expires_at <= now()))::int AS stranded,
            (count(*) FILTER (WHERE status IS NULL AND lease_expires_at > now()))::int AS live FROM idempotency_keys`,
  );
  const rows = await probes.sql<{ key: string; path: string; attempt: number }>(
    'SELECT key, path, attempt FROM idempotency_keys WHERE status IS NULL ORDER BY created_at LIMIT 8',
  );
  const evidence = rows.map((r) => `key ${r.key} on ${r.path} (attempt ${r.attempt}) in progress without an answer`);
  return row(
    drill,
    'no stranded key',
    `${stranded} stranded, ${live} still leased, of ${total} keys`,
    stranded === 0 && live === 0,
    evidence,
  );
}

/**
 * "No 500": every 5xx the drill's clients saw was a documented 503 (`dependency_unavailable` or
 * `worker_unavailable`, with `Retry-After`); and every request got an answer, except while the API process
 * itself was down (`apiDown`, drill 2).
 */
export function no500(drill: string, exchanges: Exchange[], apiDown: Array<{ from: number; to: number }>): Row {
  const duringApiDown = (e: Exchange): boolean => apiDown.some((w) => e.endedAt >= w.from && e.startedAt <= w.to);
  // Behind the cluster's front door, a request the killed instance had taken is answered 502 upstream_lost:
  // "unknown, retry with the key" — the front door's way of saying what a dropped connection says.
  const lost = (e: Exchange): boolean => e.status === 502 && e.code === 'upstream_lost';
  const bad = exchanges.filter((e) => isUndocumented5xx(e) && !(lost(e) && duringApiDown(e)));
  const documented = exchanges.filter((e) => e.status === 503 && !isUndocumented5xx(e));
  const unanswered = exchanges.filter((e) => e.status === 0 || lost(e));
  const excused = unanswered.filter(duringApiDown);
  const hung = unanswered.filter((e) => !excused.includes(e));
  const evidence = [
    ...bad.map((e) => `${e.method} ${e.path} → ${e.status} ${e.code ?? ''} (Retry-After ${e.retryAfter ?? 'none'})`),
    ...hung.map((e) => `${e.method} ${e.path}: no answer (${e.failure ?? e.code}) while the API ran`),
  ];
  const numbers =
    `${exchanges.length} requests, ${times(bad.length, '5xx undocumented')}, ${times(documented.length, '503')}, ` +
    `${excused.length} unanswered (API down), ${hung.length} hung`;
  return row(drill, 'no 500', numbers, bad.length === 0 && hung.length === 0, evidence);
}

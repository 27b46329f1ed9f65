import { caseSnapshotQuery, parkCaseWorkflowId } from '../workflows/definitions/messages';
import type { CaseSnapshot } from '../workflows/definitions/case';
import type { ApiClient } from './api-client';
import { waitFor } from '../tooling/processes/managed-process';
import { canonical, type Probes } from './probes';
import { row, type Row } from './report';
import type { ActionRecord } from './stream';

/** How long a case's checks may poll for the stack to catch up after the drill settled (system writes in flight). */
const CATCH_UP_MS = 30_000;
/** How long a case's trail may take to be recorded after a fault: the record activity's retries back off to 1 min. */
const RECORDED_WITHIN_MS = 90_000;

/** The cases a drill's actions touched (the filings that named one included). */
const casesOf = (records: ActionRecord[]): string[] => [
  ...new Set(records.filter((r) => r.caseId && r.answered2xx !== undefined).map((r) => r.caseId)),
];

const count = <T>(items: T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** Per update id, how often the workflow's Temporal history accepted and completed it. */
async function updateEvents(
  probes: Probes,
  caseId: string,
): Promise<Map<string, { accepted: number; completed: number }>> {
  const history = await (await probes.temporal()).workflow.getHandle(parkCaseWorkflowId(caseId)).fetchHistory();
  const events = new Map<string, { accepted: number; completed: number }>();
  const entry = (id: string) => events.get(id) ?? events.set(id, { accepted: 0, completed: 0 }).get(id)!;
  for (const event of history.events ?? []) {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId;
    const completed = event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId;
    if (accepted) entry(accepted).accepted += 1;
    if (completed) entry(completed).completed += 1;
  }
  return events;
}

/**
 * The officer entries (not the system's) of `GET /v1/cases/{caseId}/history`, once the trail holds an entry for every
 * version of the case: an action is answered as soon as Temporal holds it and recorded right after, so after a fault
 * (PostgreSQL down) the recorder may still be retrying its write when the drill ends.
 */
async function officerHistory(client: ApiClient, probes: Probes, caseId: string): Promise<Array<{ action: string }>> {
  const token = client.token('municipal', 'municipal-drill-officer');
  const handle = (await probes.temporal()).workflow.getHandle(parkCaseWorkflowId(caseId));
  const answer = await waitFor(
    `GET /v1/cases/${caseId}/history to hold every version of the case`,
    async () => {
      const { version } = await handle.query(caseSnapshotQuery);
      const response = await client.call('GET', `/v1/cases/${caseId}/history`, { token });
      if (response.status !== 200) return undefined;
      return (response.body.items as unknown[]).length >= version ? response : undefined;
    },
    RECORDED_WITHIN_MS,
    250,
  );
  return (answer.body.items as Array<{ action: string; actor: { role: string } }>).filter(
    (entry) => entry.actor.role !== 'system',
  );
}

/**
 * "Every action answered 2xx was applied, and each action applied at most once": per case, the history's
 * officer entries per action equal the actions applied (none missing, none twice), and in the workflow's
 * Temporal history each applied action's update (its id derived from the Idempotency-Key) was accepted and
 * completed exactly once, and no update twice.
 */
export async function appliedOnce(
  drill: string,
  records: ActionRecord[],
  client: ApiClient,
  probes: Probes,
): Promise<Row> {
  const answered = records.filter((r) => r.answered2xx !== undefined);
  const evidence: string[] = [];
  let verified = 0;
  let twice = 0;
  let missing = 0;
  for (const caseId of casesOf(records)) {
    const mine = records.filter((r) => r.caseId === caseId);
    const applied = mine.filter((r) => r.final === 'applied');
    const history = count(await officerHistory(client, probes, caseId), (e) => e.action);
    const expected = count(applied, (r) => r.audit);
    for (const action of new Set([...history.keys(), ...expected.keys()])) {
      const seen = history.get(action) ?? 0;
      const want = expected.get(action) ?? 0;
      if (seen > want) twice += seen - want;
      if (seen < want) missing += want - seen;
      if (seen !== want) evidence.push(`case ${caseId}: history has ${seen}× ${action}, ${want} applied`);
    }
    const events = await updateEvents(probes, caseId);
    for (const [id, e] of events) {
      if (e.accepted > 1 || e.completed > 1)
        evidence.push(`case ${caseId}: update ${id} accepted ${e.accepted}×, completed ${e.completed}×`);
    }
    for (const record of mine.filter((r) => r.answered2xx !== undefined)) {
      const e = events.get(record.updateId) ?? { accepted: 0, completed: 0 };
      if (record.final === 'applied' && e.accepted === 1 && e.completed === 1) verified += 1;
      else
        evidence.push(
          `${record.path} (key ${record.key}) answered ${record.answered2xx}, ` +
            `outcome ${record.final}; Temporal accepted ${e.accepted}×, completed ${e.completed}×`,
        );
    }
  }
  const pass = answered.length > 0 && verified === answered.length && twice === 0 && missing === 0;
  return row(
    drill,
    '2xx ⇒ applied, at most once',
    `${verified}/${answered.length} 2xx applied once, ${twice} twice, ${missing} missing (history + Temporal)`,
    pass,
    evidence,
  );
}

/**
 * "One treasury instruction per payment" (§5.2, R-SUB-3): every payment of the drill's cases (read model) has
 * exactly one row in the local treasury gateway's `treasury_instructions` (same kind and amount) and a ledger
 * row in `payments` with the treasury's reference; the treasury holds no instruction for any other payment.
 */
export async function oneInstructionPerPayment(drill: string, records: ActionRecord[], probes: Probes): Promise<Row> {
  const caseIds = casesOf(records);
  type Payment = { paymentId: string; kind: string; amount: number };
  const evidence: string[] = [];
  let payments = 0;
  let instructions = 0;
  // Poll: an instruction of a payment answered 202 ("effects completing") may still be on its way.
  await waitFor(
    'every payment to reach the treasury',
    async () => {
      const snapshots = await probes.sql<{ case_id: string; snapshot: CaseSnapshot }>(
        'SELECT case_id, snapshot FROM park_cases WHERE case_id = ANY($1)',
        [caseIds],
      );
      const rows = await probes.sql<{
        case_id: string;
        payment_id: string;
        kind: string;
        amount: string;
        n: number;
        ledger: string | null;
      }>(
        `SELECT t.case_id, t.payment_id, t.kind, t.amount, ` +
          `count(*) OVER (PARTITION BY t.case_id, t.payment_id)::int AS n, p.treasury_reference AS ledger
       FROM treasury_instructions t LEFT JOIN payments p USING (case_id, payment_id) WHERE t.case_id = ANY($1)`,
        [caseIds],
      );
      evidence.length = 0;
      const expected = snapshots.flatMap((s) => s.snapshot.payments.map((p: Payment) => ({ caseId: s.case_id, ...p })));
      payments = expected.length;
      instructions = rows.length;
      for (const p of expected) {
        const matching = rows.filter((r) => r.case_id === p.caseId && r.payment_id === p.paymentId);
        if (matching.length !== 1) evidence.push(`payment ${p.paymentId}: ${matching.length} treasury instructions`);
        else if (matching[0].kind !== p.kind || Number(matching[0].amount) !== p.amount)
          evidence.push(
            `payment ${p.paymentId}: instructed ${matching[0].kind} ${matching[0].amount}, ` +
              `case says ${p.kind} ${p.amount}`,
          );
        else if (!matching[0].ledger)
          evidence.push(`payment ${p.paymentId}: no treasury reference in the payments ledger`);
      }
      for (const r of rows.filter((r) => !expected.some((p) => p.paymentId === r.payment_id)))
        evidence.push(`treasury instruction ${r.payment_id} for no payment of the case`);
      for (const r of rows.filter((r) => r.n > 1)) evidence.push(`payment ${r.payment_id}: ${r.n} instructions`);
      return evidence.length === 0;
    },
    CATCH_UP_MS,
    500,
  ).catch(() => undefined);
  const numbers = `${payments} payments, ${instructions} treasury instructions, ${evidence.length} wrong`;
  return row(
    drill,
    'one treasury instruction per payment',
    numbers,
    evidence.length === 0 && payments > 0,
    payments > 0 ? evidence : ['the drill made no payment'],
  );
}

/**
 * "Workflow state = read model": the case workflow's `caseSnapshot` query equals the `park_cases` row's
 * snapshot (and version), and `GET /v1/cases/{id}` shows the same stage — polled until they agree or the bound
 * runs out (a system write may be in flight).
 */
export async function stateEqualsReadModel(
  drill: string,
  records: ActionRecord[],
  client: ApiClient,
  probes: Probes,
): Promise<Row> {
  const caseIds = casesOf(records);
  const temporal = await probes.temporal();
  const token = client.token('municipal', 'municipal-drill-officer');
  const evidence: string[] = [];
  let equal = 0;
  for (const caseId of caseIds) {
    let last = '';
    const same = await waitFor(
      `case ${caseId}: workflow = read model`,
      async () => {
        const live = await temporal
          .withDeadline(Date.now() + 10_000, () =>
            temporal.workflow.getHandle(parkCaseWorkflowId(caseId)).query(caseSnapshotQuery),
          )
          .catch((e: Error) => e);
        const [stored] = await probes.sql<{ snapshot: CaseSnapshot; version: number; stage: string }>(
          'SELECT snapshot, version, stage FROM park_cases WHERE case_id = $1',
          [caseId],
        );
        const view = await client.call('GET', `/v1/cases/${caseId}`, { token });
        if (live instanceof Error) last = `query failed: ${live.message}`;
        else if (!stored) last = `workflow at version ${live.version} (${live.stage}), no park_cases row`;
        else if (stored.version !== live.version || canonical(stored.snapshot) !== canonical(live))
          last =
            `workflow v${live.version} ${live.stage}, read model ` +
            `v${stored.version} ${stored.stage}; differ: ${differences(live, stored.snapshot)}`;
        else if (view.status !== 200 || view.body.stage !== live.stage)
          last = `GET /v1/cases/${caseId} → ${view.status} ${view.body?.stage}, workflow ${live.stage}`;
        else return true;
        return false;
      },
      CATCH_UP_MS,
      500,
    ).catch(() => false);
    if (same) equal += 1;
    else evidence.push(`case ${caseId}: ${last}`);
  }
  return row(
    drill,
    'workflow state = read model',
    `${equal}/${caseIds.length} cases equal (query, park_cases, GET)`,
    equal === caseIds.length && caseIds.length > 0,
    evidence,
  );
}

/** The top-level fields in which two snapshots differ, with both values (short), for the evidence. */
function differences(live: CaseSnapshot, stored: CaseSnapshot): string {
  const keys = [...new Set([...Object.keys(live), ...Object.keys(stored)])] as Array<keyof CaseSnapshot>;
  const short = (value: unknown): string => canonical(value).slice(0, 60);
  return keys
    .filter((key) => canonical(live[key]) !== canonical(stored[key]))
    .map((key) => `${key} ${short(live[key])} (workflow) vs ${short(stored[key])} (read model)`)
    .join(', ');
}

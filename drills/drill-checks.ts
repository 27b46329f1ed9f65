import { parkCaseWorkflowId } from '../workflows/definitions/messages';
import { DOCUMENTED_503, isUndocumented5xx, type Answer, type Exchange } from './api-client';
import { midStream, type DrillContext } from './context';
import { sleep, waitFor } from '../tooling/processes/managed-process';
import { row, seconds, times, type Row } from './report';
import type { ActionRecord } from './stream';

/**
 * Drill 2: each request in flight when the API was killed, retried with its key against the restarted API,
 * gets the action's real outcome (issue 10 item 2: applied once, never 409 `idempotency_in_progress` forever —
 * the key is taken over once its lease, IDEMPOTENCY_LEASE_MS, has run out).
 */
export function inFlightRetries(ctx: DrillContext): Row {
  const name = 'killed requests: real outcome on retry';
  const records = ctx.stream.records.filter((r) => ctx.killedKeys.includes(r.key));
  const up = ctx.windows.find((w) => w.what === 'API down')?.to ?? Date.now();
  const applied = records.filter((r) => r.final === 'applied');
  const inProgress = records.reduce((n, r) => n + r.statuses.filter((s) => s === 409).length, 0);
  const last = Math.max(0, ...records.map((r) => (r.endedAt ?? Date.now()) - up));
  const evidence = records
    .filter((r) => r.final !== 'applied')
    .map(
      (r) =>
        `${r.path} (key ${r.key}): ${r.final}, answers ${r.statuses.join(' ')}, ${JSON.stringify(r.refusal ?? null)}`,
    );
  if (records.length === 0)
    evidence.push('no keyed request was in flight at the kill: the drill did not exercise its fault');
  const numbers =
    `${records.length} in flight: ${applied.length}/${records.length} real outcome ` +
    `(applied), ${times(inProgress, '409 in progress')} before take-over, last ${seconds(last)} after restart`;
  return row(ctx.stream.drill, name, numbers, records.length > 0 && applied.length === records.length, evidence);
}

/**
 * Drills 3 and 4: while the dependency was down, every answer that needed it was a documented 503 with
 * `Retry-After` (`dependency_unavailable`, or `worker_unavailable` while no worker could be seen) — not a 500, nor a
 * guess such as "running" or 404 — and no answer at all was an undocumented 5xx. `needs` picks the requests that
 * cannot be answered without the dependency; only those sent after the kill and answered before the restart count.
 */
export function outageAnswers(ctx: DrillContext, what: string, needs: (e: Exchange) => boolean): Row {
  const name = 'outage answers 503 + Retry-After';
  const window = ctx.windows.find((w) => w.what === what);
  if (!window) return row(ctx.stream.drill, name, `no ${what} window`, false, ['the fault did not complete']);
  const inside = ctx.client.exchanges.filter((e) => e.endedAt >= window.from && e.endedAt <= window.to);
  const bad = inside.filter(isUndocumented5xx);
  const needing = inside.filter((e) => e.startedAt >= window.from && needs(e));
  const honest = needing.filter((e) => e.status === 503 && !isUndocumented5xx(e));
  const guesses = needing.filter((e) => !honest.includes(e) && !bad.includes(e));
  const codes = [...new Set(honest.map((e) => e.code))].map((code) =>
    times(honest.filter((e) => e.code === code).length, `503 ${code}`),
  );
  const numbers =
    `${what} ${seconds(window.to - window.from)}: ${inside.length} ` +
    `answers; ${needing.length} needed it: ${codes.join(', ') || '0×503'}, ` +
    `${guesses.length} other; ${times(bad.length, '5xx undocumented')}`;
  const evidence = [
    ...bad.map((e) => `${e.method} ${e.path} → ${e.status} ${e.code ?? ''}, Retry-After ${e.retryAfter ?? 'none'}`),
    ...guesses.map(
      (e) =>
        `${e.method} ${e.path} → ${e.status || 'no answer'} ${e.code ?? ''} ` +
        `while ${what.replace(' down', '')} was down`,
    ),
  ];
  if (needing.length === 0)
    evidence.push(`no request needing it was answered during the outage: the stream did not meet it`);
  return row(
    ctx.stream.drill,
    name,
    numbers,
    needing.length > 0 && honest.length === needing.length && bad.length === 0,
    evidence,
  );
}

/** True when neither Temporal nor the read model holds a case `caseId` (what a 503 "nothing was sent" promises). */
async function leftNothing(ctx: DrillContext, caseId: string): Promise<boolean> {
  const temporal = await ctx.probes.temporal();
  const workflow = await temporal.workflow
    .getHandle(parkCaseWorkflowId(caseId))
    .describe()
    .then(
      () => true,
      (error: Error) => (error.name === 'WorkflowNotFoundError' ? false : Promise.reject(error)),
    );
  const rows = await ctx.probes.sql('SELECT 1 FROM park_cases WHERE case_id = $1', [caseId]);
  return !workflow && rows.length === 0;
}

/** How often a same-key retry follows a 503 before its answer counts (5 s at most between two). */
const RETRIES_AFTER_503 = 10;

/**
 * A same-key retry's last answer, the codes of the 503s (nothing sent) that came before it, and whether it was sent
 * while the worker was paused.
 */
type RetryAnswer = Answer & { unavailable: string[]; paused: boolean };

/**
 * Drill 5: the worker is paused (SIGSTOP) past UPDATE_WAIT_MS while filings arrive, then resumed (SIGCONT).
 * Each filing answers 201 or 202 naming its caseId (or 503 leaving no case anywhere); a retry with the same key names
 * the same caseId — while paused, a documented 503 (nothing sent) may stand instead; after SIGCONT, a 503 is retried
 * as a client does until the answer names the case; once resumed, every filing answered 2xx is applied.
 */
export async function filingsDuringPause(ctx: DrillContext): Promise<void> {
  const { stack, client, stream, params } = ctx;
  await midStream(ctx);
  const from = Date.now();
  stack.worker.pause();
  const firsts = new Map<ActionRecord, Answer>();
  const after503: Array<Promise<boolean>> = [];
  const burst = Array.from({ length: params.pauseFilings }, (_, i) =>
    stream.file(`pause-${i}`, (record, answer) => {
      if (firsts.has(record)) return;
      firsts.set(record, answer);
      if (answer.status === 503) after503.push(leftNothing(ctx, record.caseId));
    }),
  );
  let retries: RetryAnswer[] = [];
  // A same-key retry is a client's: once the worker is back, a 503 (nothing sent by that request) is followed after its
  // Retry-After, bounded; while it is paused, a documented 503 is an honest answer in itself.
  const retry = async (r: ActionRecord, follow503: boolean): Promise<RetryAnswer> => {
    const unavailable: string[] = [];
    for (;;) {
      const answer = await client.call('POST', r.path, { token: r.token, body: r.body, idempotencyKey: r.key });
      const last = answer.status !== 503 || !follow503 || unavailable.length >= RETRIES_AFTER_503;
      if (last) return { ...answer, unavailable, paused: !follow503 };
      unavailable.push(answer.body?.code ?? 'no code');
      await sleep(1_000 * Math.min(Number(answer.headers?.get('retry-after') ?? 1) || 1, 5));
    }
  };
  try {
    await waitFor(
      'every filing of the pause to be answered',
      () => firsts.size >= params.pauseFilings,
      params.pauseMs + 30_000,
      20,
    );
    retries = await Promise.all([...firsts.keys()].map((r) => retry(r, false))); // still paused
    // the pause lasts its full length, past UPDATE_WAIT_MS
    await sleep(Math.max(0, from + params.pauseMs - Date.now()));
  } finally {
    stack.worker.resume();
    ctx.windows.push({ what: 'worker paused', from, to: Date.now() });
  }
  const resumedAt = Date.now();
  const pausedMs = resumedAt - from;
  const applied = (await Promise.all(burst)).filter((caseId) => caseId !== undefined).length;
  ctx.facts.push(
    `worker paused ${seconds(pausedMs)} (UPDATE_WAIT_MS ${seconds(params.updateWaitMs)}), ` +
      `${params.pauseFilings} filings sent, applied ${seconds(Date.now() - resumedAt)} after SIGCONT`,
  );
  const records = [...firsts.keys()];
  retries.push(...(await Promise.all(records.map((r) => retry(r, true)))));
  const answers = [...firsts.values()];
  const status = (s: number): number => answers.filter((a) => a.status === s).length;
  const namedCase = answers.filter(
    (a, i) => (a.status === 201 || a.status === 202) && a.body?.caseId === records[i].caseId,
  ).length;
  const leftCase = (await Promise.all(after503)).filter((nothing) => !nothing).length;
  const sameCase = retries.filter(
    (a, i) =>
      (a.status === 200 || a.status === 201 || a.status === 202) &&
      a.body?.caseId === records[i % records.length].caseId,
  ).length;
  const answered2xx = records.filter((r) => r.answered2xx !== undefined).length;
  // While paused, "nothing sent, retry later" is as honest an answer as a 202 naming the case.
  const pausedUnavailable = retries.filter(
    (a) => a.paused && a.status === 503 && DOCUMENTED_503.includes(a.body?.code),
  );
  const unavailable = [...retries.flatMap((a) => a.unavailable), ...pausedUnavailable.map((a) => a.body.code)];
  const codes = unavailable.length > 0 ? ` (${[...new Set(unavailable)].join(', ')})` : '';
  const evidence = [
    ...answers.flatMap((a, i) =>
      a.status === 201 || a.status === 202 || a.status === 503
        ? []
        : [`filing ${records[i].key}: first answer ${a.status} ${JSON.stringify(a.body)}`],
    ),
    ...retries.flatMap((a, i) =>
      a.body?.caseId === records[i % records.length].caseId || pausedUnavailable.includes(a)
        ? []
        : [
            `retry of ${records[i % records.length].key}: ${a.status} ${a.body?.code ?? ''} ` +
              `caseId ${a.body?.caseId}, first ${records[i % records.length].caseId}`,
          ],
    ),
  ];
  if (leftCase > 0) evidence.push(`${leftCase} filings answered 503 left a case`);
  if (pausedMs <= params.updateWaitMs) evidence.push('the pause did not outlast UPDATE_WAIT_MS');
  const numbers =
    `${records.length} filings: ${times(status(201), '201')}, ${times(status(202), '202')}, ` +
    `${namedCase} named their case, ${times(status(503), '503')} (${leftCase} left a case); ` +
    `${sameCase}/${retries.length} same-key retries → same caseId, ${pausedUnavailable.length} answered 503 while ` +
    `paused, ${unavailable.length - pausedUnavailable.length} retried after a 503${codes}; ` +
    `${applied}/${answered2xx} applied after SIGCONT`;
  const pass =
    records.length === params.pauseFilings &&
    namedCase + status(503) === records.length &&
    leftCase === 0 &&
    sameCase + pausedUnavailable.length === retries.length &&
    applied === answered2xx &&
    pausedMs > params.updateWaitMs;
  ctx.rows.push(row(stream.drill, 'filings: 201/202 + caseId, same key → same case', numbers, pass, evidence));
}

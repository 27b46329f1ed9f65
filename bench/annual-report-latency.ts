/**
 * Latency of `POST /v1/cases/{id}/annual-reports` and of the raw Temporal update it wraps, side by side on
 * the same stack (dev server, PostgreSQL, one worker and the API in this process). Each sample files the
 * first yearly report of its own designated case (a report is accepted once per case and year), HTTP and
 * raw interleaved so both see the same load. usage: npm run bench:annual-reports -- [samples=200]
 *
 * R-RPT-5: the report for year N can be filed only from 1 January N+1 (Chongqing), and the first reporting year
 * of a park designated after 30 June is the year after designation — so no case designated today could file one.
 * The stack therefore runs policy time fast (POLICY_TIME_SCALE: two policy days per second). A case's policy clock
 * starts when it is filed, so every case is filed first, in one quick burst (their clocks stay within seconds of
 * each other), then taken to designation with tranche 1 confirmed (no payment reminders in the background). The
 * bench then waits, polling the case whose clock is furthest behind with its own report (bounded; every refusal
 * must be R-RPT-5's), until the first reporting year has ended for every case, and measures in the quiet that
 * follows: no timer of these cases fires between 1 January and the first report reminder on 1 March (60 policy
 * days, 30 s here), so the samples see an idle stack, as before the rule. It says so if they did not.
 */
import { annualReportUpdate, parkCaseWorkflowId } from '../workflows/definitions/messages';
import { startOfYear } from '../workflows/definitions/civil-date';
import { eventually } from '../tooling/eventually';
import { HttpDriver, reportBody } from '../tooling/http/http-driver';
import type { Stack } from '../tooling/stacks/in-process-stack';
import { benchOnStack } from './bench-stack';
import { percentile } from './percentile';
import { pool } from './pool';

const WARM_UP = 20;
/** Two policy days per wall second: a year passes in about three minutes. */
const POLICY_TIME_SCALE = 2 * 86_400;
/** Cases set up at once (filing, then designation). */
const SETUP_CONCURRENCY = 8;
/** 1 January → 1 March: the first reminder of the first reporting year's report (30 days before 31 March). */
const QUIET_POLICY_DAYS = 59;
const DAY_MS = 86_400_000;

interface BenchCase {
  caseId: string;
  /** Wall (= policy) time the case was opened: its policy clock runs from here at POLICY_TIME_SCALE. */
  openedAtMs: number;
  /** R-RPT-5: the year whose report each sample files. */
  year: number;
}

function summary(label: string, samplesMs: number[]): string {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
  const f = (ms: number) => ms.toFixed(1).padStart(7);
  return (
    `${label.padEnd(44)} p50 ${f(percentile(sorted, 50))} ms  p90 ${f(percentile(sorted, 90))} ` +
    `ms  p99 ${f(percentile(sorted, 99))} ms  mean ${f(mean)} ms  (n=${sorted.length})`
  );
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The wall time at which the policy clock of a case opened at `openedAtMs` shows `policyMs`. */
const wallTimeAt = (openedAtMs: number, policyMs: number): number =>
  openedAtMs + (policyMs - openedAtMs) / POLICY_TIME_SCALE;

/**
 * Files, designates (2,000,000 CNY) and confirms tranche 1 of `count` cases; the last one's clock is furthest behind.
 */
async function designatedCases(driver: HttpDriver, count: number): Promise<BenchCase[]> {
  const caseIds = await pool(count, SETUP_CONCURRENCY, () => driver.file());
  return pool(count, SETUP_CONCURRENCY, async (i) => {
    const designated = await driver.designated(caseIds[i]);
    const tranche1 = designated.payments.find((p: { kind: string }) => p.kind === 'subsidy_tranche_1');
    await driver.ok(
      'POST',
      `/v1/cases/${designated.caseId}/payments/${encodeURIComponent(tranche1.paymentId)}/confirmation`,
      {
        token: driver.finance(),
        body: { paidAt: new Date().toISOString(), bankReference: `BENCH-${i}` },
      },
    );
    return {
      caseId: designated.caseId,
      openedAtMs: Date.parse(designated.openedAt),
      year: designated.designation.firstReportingYear,
    };
  });
}

/**
 * Waits until `sentinel`'s first reporting year has ended by filing its report until the case accepts it (the
 * sentinel is no sample); bounded by its clock, and any refusal but R-RPT-5's ends the bench.
 */
async function untilReportable(stack: Stack, driver: HttpDriver, sentinel: BenchCase): Promise<void> {
  const expectedAt = wallTimeAt(sentinel.openedAtMs, Date.parse(startOfYear(sentinel.year + 1)));
  process.stderr.write(
    `waiting ~${Math.max(0, Math.round((expectedAt - Date.now()) / 1000))} ` +
      `s for reporting year ${sentinel.year} to end (R-RPT-5)…\n`,
  );
  await eventually(
    async () => {
      const { status, body } = await stack.call('POST', `/v1/cases/${sentinel.caseId}/annual-reports`, {
        token: driver.districtToken(),
        body: reportBody(sentinel.year),
      });
      if (status === 200) return true;
      const early =
        status === 422 &&
        body?.details?.some((d: { field?: string; rule?: string }) => d.field === 'year' && d.rule === 'R-RPT-5');
      if (!early)
        throw new Error(`the sentinel's report was refused for another reason: ${status} ${JSON.stringify(body)}`);
      return false;
    },
    `reporting year ${sentinel.year} to end for case ${sentinel.caseId}`,
    Math.max(0, expectedAt - Date.now()) * 1.5 + 60_000,
  );
}

const samples = Number(process.argv[2] ?? 200);

// One officer sets up hundreds of cases: the limiter stays in the path, with room for that.
const env = {
  RATE_LIMIT_BURST: '100000',
  RATE_LIMIT_PER_MINUTE: '1000000',
  POLICY_TIME_SCALE: String(POLICY_TIME_SCALE),
};
benchOnStack({ env }, async (stack) => {
  const driver = new HttpDriver(stack);
  const total = samples + WARM_UP;
  process.stderr.write(`designating ${2 * total + 1} cases…\n`);
  const all = await designatedCases(driver, 2 * total + 1);
  const sentinel = all[all.length - 1];
  const cases = all.slice(0, -1);
  const years = new Set(all.map((c) => c.year));
  if (years.size !== 1)
    throw new Error(
      `the cases straddle the R-RPT-5 cut-off (first reporting ` +
        `years ${[...years].join(', ')}): set-up took too long for this POLICY_TIME_SCALE`,
    );
  await untilReportable(stack, driver, sentinel);

  const actor = { id: `district-${driver.district}`, role: 'district' as const, district: driver.district };
  const http: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < total; i += 1) {
    const viaHttp = cases[2 * i];
    const viaUpdate = cases[2 * i + 1];
    const httpMs = await timed(() =>
      driver.ok('POST', `/v1/cases/${viaHttp.caseId}/annual-reports`, {
        token: driver.districtToken(),
        body: reportBody(viaHttp.year),
      }),
    );
    const rawMs = await timed(() =>
      stack.env.client.workflow
        .getHandle(parkCaseWorkflowId(viaUpdate.caseId))
        .executeUpdate(annualReportUpdate, { args: [{ actor, report: reportBody(viaUpdate.year) }] }),
    );
    if (i >= WARM_UP) {
      http.push(httpMs);
      raw.push(rawMs);
    }
  }
  console.log(summary('POST /v1/cases/{id}/annual-reports (HTTP)', http));
  console.log(summary('raw update annualReport (Temporal client)', raw));
  const p50Gap =
    percentile(
      [...http].sort((a, b) => a - b),
      50,
    ) -
    percentile(
      [...raw].sort((a, b) => a - b),
      50,
    );
  console.log(`API overhead at p50: ${p50Gap.toFixed(1)} ms (JWT, validation, scope read, poller check)`);
  // The case furthest ahead (filed first) is the first to leave the quiet window.
  const quietUntil = Math.min(
    ...cases.map((c) => wallTimeAt(c.openedAtMs, Date.parse(startOfYear(c.year + 1)) + QUIET_POLICY_DAYS * DAY_MS)),
  );
  if (Date.now() > quietUntil) {
    console.log(
      `note: the samples outlasted the quiet window ` +
        `by ${((Date.now() - quietUntil) / 1000).toFixed(1)} s: report ` +
        `reminders fired meanwhile (fewer samples, or a lower POLICY_TIME_SCALE)`,
    );
  }
});

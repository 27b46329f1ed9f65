/**
 * Latency of `POST /v1/cases/{id}/annual-reports` and of the raw Temporal update it wraps, side by side on
 * the same stack (dev server, PostgreSQL, one worker and the API in this process). Each sample files the
 * first yearly report of its own designated case (a report is accepted once per case and year), HTTP and
 * raw interleaved so both see the same load. usage: npm run bench:annual-reports -- [samples=200]
 */
import { annualReportUpdate, parkCaseWorkflowId } from '../workflows/definitions/messages';
import { chongqingYear } from '../workflows/civil-date';
import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { HttpDriver, reportBody } from '../test/support/http-driver';
import { startStack } from '../test/support/stack-harness';

const WARM_UP = 20;

function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];
}

function summary(label: string, samplesMs: number[]): string {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
  const f = (ms: number) => ms.toFixed(1).padStart(7);
  return `${label.padEnd(44)} p50 ${f(percentile(sorted, 50))} ms  p90 ${f(percentile(sorted, 90))} ms  p99 ${f(percentile(sorted, 99))} ms  mean ${f(mean)} ms  (n=${sorted.length})`;
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const samples = Number(process.argv[2] ?? 200);
  await globalSetup();
  // One officer sets up hundreds of cases: the limiter stays in the path, with room for that.
  const stack = await startStack({ env: { RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_MINUTE: '1000000' } });
  const driver = new HttpDriver(stack);
  try {
    const total = samples + WARM_UP;
    process.stderr.write(`designating ${2 * total} cases…\n`);
    const cases: Array<{ caseId: string; year: number }> = [];
    for (let i = 0; i < 2 * total; i += 1) {
      const designated = await driver.designated();
      cases.push({ caseId: designated.caseId, year: chongqingYear(designated.designation.designatedAt) });
    }
    const actor = { id: `district-${driver.district}`, role: 'district' as const, district: driver.district };
    const http: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < total; i += 1) {
      const viaHttp = cases[2 * i];
      const viaUpdate = cases[2 * i + 1];
      const httpMs = await timed(() => driver.ok('POST', `/v1/cases/${viaHttp.caseId}/annual-reports`, { token: driver.districtToken(), body: reportBody(viaHttp.year) }));
      const rawMs = await timed(() =>
        stack.env.client.workflow.getHandle(parkCaseWorkflowId(viaUpdate.caseId)).executeUpdate(annualReportUpdate, { args: [{ actor, report: reportBody(viaUpdate.year) }] }),
      );
      if (i >= WARM_UP) {
        http.push(httpMs);
        raw.push(rawMs);
      }
    }
    console.log(summary('POST /v1/cases/{id}/annual-reports (HTTP)', http));
    console.log(summary('raw update annualReport (Temporal client)', raw));
    const p50Gap = percentile([...http].sort((a, b) => a - b), 50) - percentile([...raw].sort((a, b) => a - b), 50);
    console.log(`API overhead at p50: ${p50Gap.toFixed(1)} ms (JWT, validation, scope read, poller check)`);
  } finally {
    await stack.teardown();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

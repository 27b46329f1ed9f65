/**
 * `npm run bench:scale -- --parks N --years Y [--scale S] [--target dev|cluster] [--never-file 0.1] [--revoke 0.05]`
 * (issue 13 item 1): N designated parks through Y policy years on a stack of real processes (drills/stack.ts: the
 * dev server or the cluster topology, the real worker(s) and activities, PostgreSQL), every park on one policy clock
 * so that every 31 March and every 1 January is a storm. Prints one table: wall time, workflow tasks and their
 * failures, events per run, runs per park, each storm's drain time, the schedule's lag, notices per park-year and
 * duplicates, worker RSS, database size per park-year, and an officer's action latency sampled over HTTP meanwhile.
 */
import { Client, Connection } from '@temporalio/client';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DrillStack, DRILL_JWT_SECRET } from '../../drills/stack';
import { createDataSource } from '../../persistence/data-source';
import { ScaleFiguresRepository } from '../../persistence/repositories/scale-figures.repository';
import { firstReportingYearOf } from '../../workflows/lifecycle/designation';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { historyFigures } from './histories';
import { ParkLife } from './life';
import { designatedSnapshot, planParks, startPark } from './parks';
import { renderScaleReport } from './report';
import { MemorySampler, OfficerSampler } from './samplers';

const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      parks: { type: 'string', default: '1000' },
      years: { type: 'string', default: '2' },
      scale: { type: 'string', default: '86400' },
      target: { type: 'string', default: 'dev' },
      'never-file': { type: 'string', default: '0.1' },
      revoke: { type: 'string', default: '0.05' },
      concurrency: { type: 'string', default: '16' },
      sample: { type: 'string', default: '100' },
    },
  });
  const parks = Number(values.parks);
  const years = Number(values.years);
  const scale = Number(values.scale);
  const target = values.target === 'cluster' ? 'cluster' : 'dev';
  const buildDir = resolve(__dirname, '..', '..'); // compiled: dist/bench/scale/
  const repoRoot = resolve(buildDir, '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'parkflow-scale-'));
  chmodSync(dataDir, 0o755);
  const log = (line: string): void => void process.stderr.write(`[scale] ${line}\n`);
  log(`${parks} parks × ${years} policy years at POLICY_TIME_SCALE ${scale} on the ${target} topology; ${dataDir}`);
  const stack = await DrillStack.start({
    repoRoot,
    buildDir,
    dataDir,
    updateWaitMs: 10_000,
    leaseMs: 30_000,
    topology: target,
  });
  stack.apiEnv = { POLICY_TIME_SCALE: String(scale) };
  for (const [i, api] of stack.apis.entries()) {
    await api.stop();
    await stack.startApi(i);
  }
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const dataSource = await createDataSource(stack.databaseUrl).initialize();
  try {
    const prefix = `scale-${Date.now().toString(36)}`;
    const plans = planParks(parks, Number(values['never-file']), Number(values.revoke), prefix);
    const epochMs = Date.now();
    const clock = { policyNow: () => epochMs + (Date.now() - epochMs) * scale };
    const started = Date.now();
    const memory = new MemorySampler(stack.workers);
    const officer = new OfficerSampler(stack.apiUrl, DRILL_JWT_SECRET, 1_000);
    for (let i = 0; i < plans.length; i += Number(values.concurrency)) {
      const batch = plans.slice(i, i + Number(values.concurrency));
      await Promise.all(
        batch.map((p) => startPark(client, stack.taskQueue, designatedSnapshot(p.caseId, epochMs), scale)),
      );
    }
    const seededMs = Date.now() - started;
    log(`${parks} parks started in ${(seededMs / 1000).toFixed(1)} s`);
    const endMs = epochMs + years * 365 * DAY_MS;
    const firstYear = firstReportingYearOf(new Date(epochMs).toISOString(), DEFAULT_POLICY);
    const life = new ParkLife(plans, clock, clock.policyNow(), endMs, firstYear);
    await life.run(client, endMs, Number(values.concurrency));
    const livedMs = Date.now() - started;
    log(`policy years lived in ${(livedMs / 1000).toFixed(1)} s; waiting for the last boundary to reach every park`);
    const figures = new ScaleFiguresRepository(dataSource);
    const lastYear = new Date(endMs).getUTCFullYear();
    const drainedBy = Date.now() + 180_000;
    while (Date.now() < drainedBy) {
      const last = (await figures.boundaries(prefix)).find((b) => b.year === lastYear);
      if (last && last.cases >= parks) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    memory.stop();
    await officer.stop();
    const sample = plans.slice(0, Number(values.sample)).map((p) => parkCaseWorkflowId(p.caseId));
    const temporalBytes =
      target === 'cluster'
        ? (await figures.databaseSize('temporal')) + (await figures.databaseSize('temporal_visibility'))
        : existsSync(join(dataDir, 'temporal.db'))
          ? statSync(join(dataDir, 'temporal.db')).size
          : NaN;
    const report = renderScaleReport({
      parks,
      years,
      scale,
      target,
      seededMs,
      livedMs,
      wallMs: Date.now() - started,
      life: life.tally,
      histories: await historyFigures(client, sample),
      lag: await figures.lag(prefix),
      storms: await figures.storms(prefix, Math.max(2, Math.floor(parks / 2))),
      boundaries: await figures.boundaries(prefix),
      notices: await figures.notices(prefix),
      rssPeak: stack.workers.map((w) => memory.peak.get(w.name) ?? NaN),
      parkflowBytes: await figures.databaseSize('parkflow'),
      temporalBytes,
      officer,
    });
    console.log(report);
  } finally {
    await dataSource.destroy();
    await connection.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

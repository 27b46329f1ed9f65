import type { Client } from '@temporalio/client';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { DRILL_JWT_SECRET, type DrillStack } from '../../tooling/stacks/process-stack';
import { ScaleFiguresRepository } from '../../tooling/repositories/scale-figures.repository';
import { parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { firstReportingYearOf } from '../../workflows/lifecycle/designation';
import { CpuTally } from './cpu';
import { historyFigures } from './histories';
import { ParkLife } from './life';
import { designatedSnapshot, planParks, startPark } from './parks';
import type { ScaleReport } from './report';
import { MemorySampler, OfficerSampler } from './samplers';

const DAY_MS = 86_400_000;
/** How long a run waits by default, after its policy years, for the last boundary to reach every park. */
const BOUNDARY_WAIT_MS = 900_000;

/** One run's size. */
export interface ScaleRun {
  parks: number;
  years: number;
  scale: number;
  neverFile: number;
  revoke: number;
  concurrency: number;
  sample: number;
  /**
   * How long to wait, after the policy years, for the last boundary to reach every park (then the report is made
   * either way): a busy machine's worker lags the compressed clock and gets there later, never not at all.
   */
  boundaryWaitMs?: number;
}

/**
 * N designated parks on one shared policy clock, their policy years lived (reports filed, some parks revoked) on the
 * stack's worker(s), then every figure of {@link ScaleReport} read off PostgreSQL, Temporal and the processes.
 * The run's workflows are terminated at the end, so a next run on the same stack starts from an idle worker.
 */
export async function runScale(
  stack: DrillStack,
  client: Client,
  dataSource: DataSource,
  run: ScaleRun,
  log: (line: string) => void,
): Promise<ScaleReport> {
  const prefix = `scale-${Date.now().toString(36)}`;
  const plans = planParks(run.parks, run.neverFile, run.revoke, prefix);
  const epochMs = Date.now();
  const clock = { policyNow: () => epochMs + (Date.now() - epochMs) * run.scale };
  const started = Date.now();
  const cpu = new CpuTally([
    stack.temporal,
    stack.postgres,
    ...stack.workers,
    ...stack.apis,
    ...(stack.frontDoor ? [stack.frontDoor] : []),
  ]);
  const memory = new MemorySampler(
    stack.workers,
    stack.ports.workerMetrics.map((port) => `http://127.0.0.1:${port}/metrics`),
  );
  const officer = new OfficerSampler(stack.apiUrl, DRILL_JWT_SECRET, 1_000);
  for (let i = 0; i < plans.length; i += run.concurrency) {
    const batch = plans.slice(i, i + run.concurrency);
    await Promise.all(
      batch.map((p) => startPark(client, stack.taskQueue, designatedSnapshot(p.caseId, epochMs), run.scale)),
    );
  }
  const seededMs = Date.now() - started;
  log(`${run.parks} parks started in ${(seededMs / 1000).toFixed(1)} s`);
  const endMs = epochMs + run.years * 365 * DAY_MS;
  const firstYear = firstReportingYearOf(new Date(epochMs).toISOString(), DEFAULT_POLICY);
  const life = new ParkLife(plans, clock, clock.policyNow(), endMs, firstYear);
  await life.run(client, endMs, run.concurrency);
  const livedMs = Date.now() - started;
  log(`policy years lived in ${(livedMs / 1000).toFixed(1)} s; waiting for the last boundary to reach every park`);
  const figures = new ScaleFiguresRepository(dataSource);
  const lastYear = new Date(endMs).getUTCFullYear();
  const drainedBy = Date.now() + (run.boundaryWaitMs ?? BOUNDARY_WAIT_MS);
  while (Date.now() < drainedBy) {
    const last = (await figures.boundaries(prefix)).find((b) => b.year === lastYear);
    if (last && last.cases >= run.parks) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await memory.stop();
  const cpuSeconds = cpu.stop();
  await officer.stop();
  const ids = plans.map((p) => parkCaseWorkflowId(p.caseId));
  const report: ScaleReport = {
    ...run,
    prefix,
    target: stack.frontDoor ? 'cluster' : 'dev',
    seededMs,
    livedMs,
    wallMs: Date.now() - started,
    life: life.tally,
    histories: await historyFigures(client, ids.slice(0, run.sample)),
    lag: await figures.lag(prefix),
    // A wave holds the parks a deadline still concerns (a reminder goes only to parks that have not filed yet).
    storms: await figures.storms(prefix, Math.max(2, Math.floor(run.parks / 10))),
    policyEnd: new Date(endMs),
    cpuSeconds,
    // The year the run began in is recorded as each park starts, not at a boundary; the clock runs on past the end
    // until the run's workflows are terminated, so a later boundary may have reached some parks meanwhile.
    boundaries: (await figures.boundaries(prefix)).filter(
      (b) => b.year > new Date(epochMs).getUTCFullYear() && b.year <= lastYear,
    ),
    notices: await figures.notices(prefix),
    memoryPeaks: stack.workers.map((w) => memory.peak.get(w.name) ?? { rss: NaN, cached: undefined, baseRss: NaN }),
    parkflowBytes: await figures.databaseSize('parkflow'),
    temporalBytes: stack.frontDoor
      ? (await figures.databaseSize('temporal')) + (await figures.databaseSize('temporal_visibility'))
      : fileSize(join(stack.options.dataDir, 'temporal.db')),
    officer,
  };
  for (let i = 0; i < ids.length; i += 64)
    await Promise.all(
      ids.slice(i, i + 64).map((id) =>
        client.workflow
          .getHandle(id)
          .terminate('scale run over')
          .catch(() => undefined),
      ),
    );
  return report;
}

const fileSize = (path: string): number => (existsSync(path) ? statSync(path).size : NaN);

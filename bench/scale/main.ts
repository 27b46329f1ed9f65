/**
 * `npm run bench:scale -- --parks N --years Y [--scale S] [--target dev|cluster] [--never-file 0.1] [--revoke 0.05]
 * [--find-scale]` (issue 13 items 1 and 2): N designated parks through Y policy years on a stack of real processes
 * (tooling/stacks/process-stack.ts: the dev server or the cluster topology, the real worker(s) and activities,
 * PostgreSQL), every park on one policy clock so that every 31 March and every 1 January is a storm. Prints one table:
 * wall time, workflow tasks and their failures, events per run, runs per park, each storm's drain time, the schedule's
 * lag, notices per park-year and duplicates, worker RSS, database size per park-year, and an officer's action latency
 * sampled over HTTP meanwhile. With `--find-scale`: runs again at twice the scale until the schedule's p99 lag passes
 * one policy day, and prints the highest scale that kept up for N parks.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderScaleReport } from './report';
import { runScale, type ScaleRun } from './run';
import { openScaleStack } from '../../tooling/stacks/scale-stack';

/** The schedule keeps up while its p99 lag stays under a policy day (issue 13 item 2). */
const KEEPS_UP_POLICY_DAYS = 1;

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
      'find-scale': { type: 'boolean', default: false },
    },
  });
  const run: ScaleRun = {
    parks: Number(values.parks),
    years: Number(values.years),
    scale: Number(values.scale),
    neverFile: Number(values['never-file']),
    revoke: Number(values.revoke),
    concurrency: Number(values.concurrency),
    sample: Number(values.sample),
  };
  const topology = values.target === 'cluster' ? 'cluster' : 'dev';
  const buildDir = resolve(__dirname, '..', '..'); // compiled: dist/bench/scale/
  const log = (line: string): void => void process.stderr.write(`[scale] ${line}\n`);
  const { stack, client, dataSource, dataDir, close } = await openScaleStack(
    topology,
    resolve(buildDir, '..'),
    buildDir,
  );
  try {
    const found: Array<{ scale: number; p99: number | null }> = [];
    for (let scale = run.scale; ; scale *= 2) {
      // The API files the officer sampler's cases at the run's scale.
      await stack.restartApis({ POLICY_TIME_SCALE: String(scale) });
      log(`${run.parks} parks × ${run.years} policy years at POLICY_TIME_SCALE ${scale} on ${topology}; ${dataDir}`);
      const report = await runScale(stack, client, dataSource, { ...run, scale }, log);
      console.log(`${renderScaleReport(report)}\n`);
      found.push({ scale, p99: report.lag.p99 });
      if (!values['find-scale'] || (report.lag.p99 ?? 0) > KEEPS_UP_POLICY_DAYS) break;
    }
    if (values['find-scale']) {
      const kept = found.filter((f) => (f.p99 ?? 0) <= KEEPS_UP_POLICY_DAYS).map((f) => f.scale);
      console.log(
        `sustainable POLICY_TIME_SCALE for ${run.parks} parks on ${topology}: ` +
          `${kept.length ? Math.max(...kept) : `below ${run.scale}`} ` +
          `(p99 lag by scale: ${found.map((f) => `${f.scale} → ${f.p99?.toFixed(2)} d`).join(', ')})`,
      );
    }
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

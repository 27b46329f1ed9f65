import { planParks } from '../../bench/scale/parks';
import { renderScaleReport } from '../../bench/scale/report';
import { runScale, type ScaleRun } from '../../bench/scale/run';
import { openScaleStack } from '../../tooling/stacks/scale-stack';
import { ScaleFiguresRepository } from '../../tooling/repositories/scale-figures.repository';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { compiledBuild, REPO_ROOT } from '../support/jest/compiled-build';

/**
 * Issue 13 item 5: the scale bench's smoke run in CI — 100 designated parks through 2 policy years on `npm run dev`'s
 * processes (the dev server, the real worker and activities, PostgreSQL), every park on one policy clock, so every
 * 31 March reminder wave and every 1 January boundary is a storm. Correctness only, never a timing: no workflow task
 * failed, every notice was sent once, every reporting-year boundary reached every park (R-RPT-1 continue-as-new), and
 * every park that never files got each of its report reminders (R-RPT-2) however late the compressed clock ran.
 */
const BUILD_DIR = compiledBuild();

/**
 * Only a hang guard, never a verdict on speed: a busy machine lives the same policy years more slowly (the worker lags
 * the compressed clock, and the run waits for every boundary to reach every park). Past it, the file's processes are
 * stopped with it (test/support/jest/tidy-environment.ts).
 */
const HANG_GUARD_MS = 40 * 60_000;

const SMOKE: ScaleRun = {
  parks: 100,
  years: 2,
  // 5 policy days a second. At 10 (the demos' compression) one worker on 2 cores is at its limit for 100 parks
  // (bench:scale: schedule lag p50 ≈ 170 policy days, before and after this stop's changes alike), and a worker that
  // falls further behind never catches up: the clock runs on, each park lives more years, and the work grows.
  scale: 432_000,
  neverFile: 0.1,
  revoke: 0.05,
  concurrency: 16,
  sample: 100,
  // Counts, not speed: a worker behind the compressed clock (a busy machine) reaches the last boundary later; the run
  // waits for it up to a few minutes short of the hang guard.
  boundaryWaitMs: HANG_GUARD_MS - 5 * 60_000,
};

/** The stack signals and reads /proc like the drills': Linux only, said so rather than passed. */
const onLinux = process.platform === 'linux' ? it : it.skip;

onLinux(
  'R-RPT-1/R-RPT-2 at scale: 100 parks × 2 policy years — 0 failed workflow tasks, notices once, boundaries crossed',
  async () => {
    // The API files the officer sampler's cases at the run's scale, from its first start (a restart could lose its
    // port to another test's process meanwhile).
    const scale = await openScaleStack('dev', REPO_ROOT, BUILD_DIR, { POLICY_TIME_SCALE: String(SMOKE.scale) });
    try {
      const report = await runScale(scale.stack, scale.client, scale.dataSource, SMOKE, () => undefined);
      process.stdout.write(`[scale smoke]\n${renderScaleReport(report)}\n`);
      const plans = planParks(SMOKE.parks, SMOKE.neverFile, SMOKE.revoke, report.prefix);
      const revoked = new Set(plans.filter((p) => p.revokeAfterDays !== undefined).map((p) => p.caseId));

      expect(report.histories).toMatchObject({ parks: SMOKE.parks, workflowTaskFailures: 0 });
      expect(report.notices.notices).toBeGreaterThan(0);
      expect(report.notices.duplicates).toBe(0);
      // Both 1 January boundaries of the two years, each reached by every park (revoked ones too: they stay open).
      const firstBoundary = new Date().getUTCFullYear() + 1;
      expect(report.boundaries.map((b) => [b.year, b.cases])).toEqual([
        [firstBoundary, SMOKE.parks],
        [firstBoundary + 1, SMOKE.parks],
      ]);
      // Only a revoked park's later filings are refused (its stage no longer takes reports).
      expect(report.life.refused.filter((line) => !revoked.has(line.split(':')[0]))).toEqual([]);

      const reminders = await new ScaleFiguresRepository(scale.dataSource).noticeInstants(
        report.prefix,
        'annual_report_reminder',
      );
      // Deadlines after the run's end may have been reminded in part before the workflows were terminated.
      const remindersOf = (caseId: string) =>
        reminders.filter((r) => r.caseId === caseId && r.dueAt.getTime() < report.policyEnd.getTime());
      const perDeadline = DEFAULT_POLICY.reportReminderDaysBefore.length;
      for (const r of reminders) expect(r.instants).toBeLessThanOrEqual(perDeadline);
      const silent = plans.filter((p) => p.neverFiles && !revoked.has(p.caseId));
      expect(silent.length).toBeGreaterThan(0);
      // Every deadline of the run a silent park was reminded of got every reminder.
      for (const park of silent) {
        const instants = remindersOf(park.caseId).map((r) => r.instants);
        expect({ park: park.caseId, instants }).toEqual({
          park: park.caseId,
          instants: instants.length ? instants.map(() => perDeadline) : [perDeadline],
        });
      }
    } finally {
      await scale.close();
    }
  },
  HANG_GUARD_MS,
);

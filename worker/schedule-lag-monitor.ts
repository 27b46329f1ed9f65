import { Histogram, Registry } from 'prom-client';
import type { ScheduleLag } from '../persistence/repositories/case-history.repository';
import { SCHEDULE_LAG_SERIES } from './metrics/series';

/** At most one warning per this long: a lagging worker says so, it does not flood its own log. */
export const WARN_EVERY_MS = 30_000;

/** One system event of a schedule and how late it was recorded. */
export type ObservedLag = ScheduleLag & { caseId: string; action: string };

/** Where the monitor warns (the worker's JSON log). */
export type LagWarning = (message: string, fields: Record<string, unknown>) => void;

/**
 * Watches how late the schedule's events (reminders, weekly notices, lapses) are recorded (issue 13): past
 * SCHEDULE_LAG_WARN_POLICY_DAYS it warns in the worker's log — once per {@link WARN_EVERY_MS}, with the worst lag
 * and how many events were late since the last warning — because the worker is not keeping up with
 * POLICY_TIME_SCALE for the cases it holds; and it counts every lag in a histogram its `registry` holds (served on
 * the worker's `/metrics`). The readiness check reads the same lags from `case_audit`.
 */
export class ScheduleLagMonitor {
  readonly registry = new Registry();
  private readonly histogram = new Histogram({
    name: SCHEDULE_LAG_SERIES,
    help: 'How late this worker recorded the schedule events of cases (reminders, notices, lapses), in policy days',
    buckets: [0.01, 0.1, 0.5, 1, 2, 7, 30],
    registers: [this.registry],
  });
  private late = 0;
  private worst: ObservedLag | undefined;
  private lastWarnedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly thresholdPolicyDays: number,
    private readonly warn: LagWarning,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one observation; warns when it is late and the last warning is old enough. */
  readonly observe = (lag: ObservedLag): void => {
    this.histogram.observe(lag.lagPolicyDays);
    if (lag.lagPolicyDays <= this.thresholdPolicyDays) return;
    this.late += 1;
    if (!this.worst || lag.lagPolicyDays > this.worst.lagPolicyDays) this.worst = lag;
    if (this.now() - this.lastWarnedAt < WARN_EVERY_MS) return;
    this.warn('the schedule is lagging: reminders and notices are recorded later than their due time', {
      lateEvents: this.late,
      worstLagPolicyDays: Number(this.worst.lagPolicyDays.toFixed(2)),
      worstCase: this.worst.caseId,
      worstEvent: this.worst.action,
      thresholdPolicyDays: this.thresholdPolicyDays,
      hint: 'lower POLICY_TIME_SCALE, or add workers: this one cannot keep up with the cases it holds',
    });
    this.lastWarnedAt = this.now();
    this.late = 0;
    this.worst = undefined;
  };
}

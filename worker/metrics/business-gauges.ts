import { Gauge, Registry } from 'prom-client';
import type {
  OperationsMetricsRepository,
  OperationsSnapshot,
} from '../../persistence/repositories/operations-metrics.repository';
import { CASE_STAGES, DEADLINE_KINDS } from '../../workflows/definitions/case';
import { BUSINESS_GAUGES } from './series';

/** A scrape waits this long for PostgreSQL, then answers without the business gauges rather than hang. */
export const SNAPSHOT_TIMEOUT_MS = 5_000;

/** The snapshot, or undefined when PostgreSQL failed or did not answer within `ms`. */
function within<T>(promise: Promise<T>, ms: number, onError: (error: unknown) => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      onError(new Error(`PostgreSQL did not answer the metrics query within ${ms} ms`));
      resolve(undefined);
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        onError(error);
        resolve(undefined);
      },
    );
  });
}

const ageSeconds = (since: Date | null, now: number): number =>
  since ? Math.max(0, (now - since.getTime()) / 1000) : 0;

/**
 * parkflow's business gauges ({@link BUSINESS_GAUGES}) in a registry of their own, read from PostgreSQL at each scrape
 * ({@link exposition}). Values are read at scrape time rather than kept up to date by the activities: the database is
 * the truth, and every worker (or a restarted one) reports it alike.
 */
export class BusinessGauges {
  /** Their own registry, so that a scrape without PostgreSQL leaves them all out (an unlabelled gauge shows 0). */
  private readonly registry = new Registry();
  private readonly cases: Gauge<'stage'>;
  private readonly casesByDistrict: Gauge<'district' | 'stage'>;
  private readonly noticeDeliveries: Gauge<'status'>;
  private readonly oldestPendingNotice: Gauge;
  private readonly paymentsInFlight: Gauge;
  private readonly paymentsInFlightAmount: Gauge;
  private readonly oldestPaymentInFlight: Gauge;
  private readonly overdueDeadlines: Gauge<'kind'>;
  /** The read under way, shared by concurrent scrapes: a slow database is never sent a pile of the same query. */
  private pending: Promise<OperationsSnapshot> | undefined;

  constructor(
    private readonly repository: Pick<OperationsMetricsRepository, 'snapshot'>,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly timeoutMs = SNAPSHOT_TIMEOUT_MS,
  ) {
    const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []): Gauge<L> =>
      new Gauge({ name, help, labelNames, registers: [this.registry] });
    this.cases = gauge(BUSINESS_GAUGES.cases, 'Cases per stage (read model)', ['stage']);
    this.casesByDistrict = gauge(BUSINESS_GAUGES.casesByDistrict, 'Cases per district and stage, non-empty pairs', [
      'district',
      'stage',
    ]);
    this.noticeDeliveries = gauge(BUSINESS_GAUGES.noticeDeliveries, 'Notice emails in the outbox by status', [
      'status',
    ]);
    this.oldestPendingNotice = gauge(
      BUSINESS_GAUGES.oldestPendingNotice,
      'Age of the oldest pending notice email in seconds (0 when none)',
    );
    this.paymentsInFlight = gauge(BUSINESS_GAUGES.paymentsInFlight, 'Payments instructed, not yet confirmed paid');
    this.paymentsInFlightAmount = gauge(BUSINESS_GAUGES.paymentsInFlightAmount, 'Sum of the payments in flight, CNY');
    this.oldestPaymentInFlight = gauge(
      BUSINESS_GAUGES.oldestPaymentInFlight,
      'Age of the oldest payment in flight in seconds (0 when none)',
    );
    this.overdueDeadlines = gauge(BUSINESS_GAUGES.overdueDeadlines, 'Deadlines passed and still awaited, per kind', [
      'kind',
    ]);
  }

  /**
   * The gauges in the Prometheus text format, set from one snapshot; undefined when PostgreSQL failed or did not
   * answer in time (the error goes to `onError`): a scrape then shows no value rather than a stale or a false one.
   */
  async exposition(now = Date.now()): Promise<string | undefined> {
    if (!this.pending) {
      const read = this.repository.snapshot();
      const done = (): void => {
        this.pending = undefined;
      };
      read.then(done, done);
      this.pending = read;
    }
    const snapshot = await within(this.pending, this.timeoutMs, this.onError);
    if (!snapshot) return undefined;
    // Cleared first so that a district or stage emptied since the last scrape does not linger.
    this.cases.reset();
    this.casesByDistrict.reset();
    const perStage = new Map<string, number>(CASE_STAGES.map((stage) => [stage, 0]));
    for (const { stage, district, cases } of snapshot.cases) {
      perStage.set(stage, (perStage.get(stage) ?? 0) + cases);
      this.casesByDistrict.set({ district, stage }, cases);
    }
    for (const [stage, cases] of perStage) this.cases.set({ stage }, cases);
    const { noticeDeliveries: notices, paymentsInFlight: payments } = snapshot;
    this.noticeDeliveries.set({ status: 'pending' }, notices.pending);
    this.noticeDeliveries.set({ status: 'failed' }, notices.failed);
    this.oldestPendingNotice.set(ageSeconds(notices.oldestPendingAt, now));
    this.paymentsInFlight.set(payments.count);
    this.paymentsInFlightAmount.set(payments.amountCny);
    this.oldestPaymentInFlight.set(ageSeconds(payments.oldestInstructedAt, now));
    // Every kind listed, so that an alert on one kind reads 0, not "absent", when nothing is overdue.
    const overdue = new Map(snapshot.overdueDeadlines.map(({ kind, deadlines }) => [kind, deadlines]));
    for (const kind of DEADLINE_KINDS) this.overdueDeadlines.set({ kind }, overdue.get(kind) ?? 0);
    return this.registry.metrics();
  }
}

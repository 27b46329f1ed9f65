import type { OperationsSnapshot } from '../../persistence/repositories/operations-metrics.repository';
import { BusinessGauges } from '../../worker/metrics/business-gauges';
import { joinExpositions } from '../../worker/metrics/exposition';
import { BUSINESS_GAUGES } from '../../worker/metrics/series';
import { CASE_STAGES, DEADLINE_KINDS } from '../../workflows/definitions/case';
import { declaredTypes, sampleValue, samplesOf } from '../support/metrics/prometheus-text';

/** Issue 12 item 3: the pieces of a worker's `/metrics` that need no server (see test/e2e for the served endpoint). */
const snapshot = (over: Partial<OperationsSnapshot> = {}): OperationsSnapshot => ({
  cases: [
    { stage: 'designated', district: '500112', cases: 2 },
    { stage: 'designated', district: '500103', cases: 1 },
    { stage: 'under_review', district: '500112', cases: 4 },
  ],
  noticeDeliveries: { pending: 3, failed: 1, oldestPendingAt: new Date('2027-01-01T00:00:00Z') },
  paymentsInFlight: { count: 2, amountCny: 1_500_000, oldestInstructedAt: new Date('2026-12-31T00:00:00Z') },
  overdueDeadlines: [
    { kind: 'payment_confirmation', deadlines: 2 },
    { kind: 'refund', deadlines: 1 },
  ],
  ...over,
});
const NOW = Date.parse('2027-01-01T01:00:00Z');

describe('joinExpositions', () => {
  const own = [
    '# HELP process_cpu_seconds_total CPU',
    '# TYPE process_cpu_seconds_total counter',
    'process_cpu_seconds_total 1.5',
    '# HELP parkflow_cases Cases',
    '# TYPE parkflow_cases gauge',
    'parkflow_cases{stage="closed"} 0',
    '',
  ].join('\n');
  const sdk = [
    '# HELP temporal_request_latency Latency',
    '# TYPE temporal_request_latency histogram',
    'temporal_request_latency_bucket{le="50"} 1',
    'temporal_request_latency_sum 5',
    'temporal_request_latency_count 1',
    '# HELP process_cpu_seconds_total CPU again',
    '# TYPE process_cpu_seconds_total counter',
    'process_cpu_seconds_total 99',
    'untyped_sample 3',
    '# HELP temporal_worker_start Starts',
    '# TYPE temporal_worker_start counter',
    'temporal_worker_start{task_queue="parkflow"} 1',
  ].join('\n');

  it('keeps every family once: a later part loses a family an earlier one declares, with all its lines', () => {
    const joined = joinExpositions([own, '', sdk]);
    expect(declaredTypes(joined)).toEqual([
      'process_cpu_seconds_total',
      'parkflow_cases',
      'temporal_request_latency',
      'temporal_worker_start',
    ]);
    expect(joined).not.toContain('CPU again');
    expect(sampleValue(joined, 'process_cpu_seconds_total')).toBe(1.5);
    // A histogram's samples stay with their family; an undeclared sample is a family of its own.
    expect(sampleValue(joined, 'temporal_request_latency_count')).toBe(1);
    expect(sampleValue(joined, 'untyped_sample')).toBe(3);
    expect(sampleValue(joined, 'temporal_worker_start', { task_queue: 'parkflow' })).toBe(1);
    expect(joined.endsWith('\n')).toBe(true);
    expect(joined).not.toMatch(/\n\n/);
  });

  it('is empty for empty parts', () => {
    expect(joinExpositions(['', '\n'])).toBe('');
  });
});

describe('BusinessGauges', () => {
  it('sets every gauge from one snapshot: each stage listed, districts only where a case is, ages in s', async () => {
    const text = (await new BusinessGauges({ snapshot: async () => snapshot() }).exposition(NOW)) as string;
    expect(declaredTypes(text).sort()).toEqual(
      Object.values(BUSINESS_GAUGES)
        .filter((name) => name !== BUSINESS_GAUGES.sourceUp)
        .sort(),
    );
    const stages = samplesOf(text).filter((sample) => sample.name === BUSINESS_GAUGES.cases);
    expect(stages.map((sample) => sample.labels.stage).sort()).toEqual([...CASE_STAGES].sort());
    expect(sampleValue(text, BUSINESS_GAUGES.cases, { stage: 'designated' })).toBe(3);
    expect(sampleValue(text, BUSINESS_GAUGES.cases, { stage: 'under_review' })).toBe(4);
    expect(sampleValue(text, BUSINESS_GAUGES.cases, { stage: 'closed' })).toBe(0);
    expect(sampleValue(text, BUSINESS_GAUGES.casesByDistrict, { district: '500112', stage: 'designated' })).toBe(2);
    expect(samplesOf(text).filter((sample) => sample.name === BUSINESS_GAUGES.casesByDistrict)).toHaveLength(3);
    expect(sampleValue(text, BUSINESS_GAUGES.noticeDeliveries, { status: 'pending' })).toBe(3);
    expect(sampleValue(text, BUSINESS_GAUGES.noticeDeliveries, { status: 'failed' })).toBe(1);
    expect(sampleValue(text, BUSINESS_GAUGES.oldestPendingNotice)).toBe(3600);
    expect(sampleValue(text, BUSINESS_GAUGES.paymentsInFlight)).toBe(2);
    expect(sampleValue(text, BUSINESS_GAUGES.paymentsInFlightAmount)).toBe(1_500_000);
    expect(sampleValue(text, BUSINESS_GAUGES.oldestPaymentInFlight)).toBe(25 * 3600);
    const overdue = samplesOf(text).filter((sample) => sample.name === BUSINESS_GAUGES.overdueDeadlines);
    expect(overdue.map((sample) => sample.labels.kind).sort()).toEqual([...DEADLINE_KINDS].sort());
    expect(sampleValue(text, BUSINESS_GAUGES.overdueDeadlines, { kind: 'payment_confirmation' })).toBe(2);
    expect(sampleValue(text, BUSINESS_GAUGES.overdueDeadlines, { kind: 'refund' })).toBe(1);
    expect(sampleValue(text, BUSINESS_GAUGES.overdueDeadlines, { kind: 'annual_report' })).toBe(0);
  });

  it('drops a district and stage pair that emptied since the last scrape; ages are 0 when nothing waits', async () => {
    let current = snapshot();
    const gauges = new BusinessGauges({ snapshot: async () => current });
    await gauges.exposition(NOW);
    current = snapshot({
      cases: [{ stage: 'designated', district: '500112', cases: 3 }],
      noticeDeliveries: { pending: 0, failed: 0, oldestPendingAt: null },
      paymentsInFlight: { count: 0, amountCny: 0, oldestInstructedAt: null },
      overdueDeadlines: [{ kind: 'refund', deadlines: 1 }],
    });
    const text = (await gauges.exposition(NOW)) as string;
    expect(samplesOf(text).filter((sample) => sample.name === BUSINESS_GAUGES.casesByDistrict)).toEqual([
      { name: BUSINESS_GAUGES.casesByDistrict, labels: { district: '500112', stage: 'designated' }, value: 3 },
    ]);
    expect(sampleValue(text, BUSINESS_GAUGES.cases, { stage: 'under_review' })).toBe(0);
    expect(sampleValue(text, BUSINESS_GAUGES.oldestPendingNotice)).toBe(0);
    expect(sampleValue(text, BUSINESS_GAUGES.oldestPaymentInFlight)).toBe(0);
    // A kind no longer overdue reads 0, not its last count.
    expect(sampleValue(text, BUSINESS_GAUGES.overdueDeadlines, { kind: 'payment_confirmation' })).toBe(0);
    expect(sampleValue(text, BUSINESS_GAUGES.overdueDeadlines, { kind: 'refund' })).toBe(1);
  });

  it('answers nothing (not zeros) when PostgreSQL fails or is slow, and reports why', async () => {
    const errors: unknown[] = [];
    const failing = new BusinessGauges({ snapshot: () => Promise.reject(new Error('ECONNREFUSED')) }, (error) =>
      errors.push(error),
    );
    expect(await failing.exposition()).toBeUndefined();
    const slow = new BusinessGauges({ snapshot: () => new Promise<never>(() => undefined) }, (e) => errors.push(e), 20);
    expect(await slow.exposition()).toBeUndefined();
    expect(errors.map((error) => (error as Error).message)).toEqual([
      'ECONNREFUSED',
      'PostgreSQL did not answer the metrics query within 20 ms',
    ]);
  });

  it('sends concurrent scrapes one query, and a later scrape a new one', async () => {
    let queries = 0;
    let answer: (value: OperationsSnapshot) => void = () => undefined;
    const gauges = new BusinessGauges({
      snapshot: () => {
        queries++;
        return new Promise((resolve) => (answer = resolve));
      },
    });
    const scrapes = [gauges.exposition(NOW), gauges.exposition(NOW), gauges.exposition(NOW)];
    answer(snapshot());
    const texts = await Promise.all(scrapes);
    expect(queries).toBe(1);
    expect(new Set(texts).size).toBe(1);
    const next = gauges.exposition(NOW);
    answer(snapshot());
    await next;
    expect(queries).toBe(2);
  });
});

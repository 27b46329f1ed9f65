import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../persistence/data-source';
import { OperationsMetricsRepository } from '../../persistence/repositories/operations-metrics.repository';
import { startWorkerMetricsServer, type WorkerMetricsServer } from '../../worker/metrics/metrics-server';
import { BUSINESS_GAUGES, PROCESS_SERIES } from '../../worker/metrics/series';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { declaredHelps, declaredTypes, sampleValue, scrape } from '../support/metrics/prometheus-text';

/**
 * Issue 12 item 3: the worker's business gauges read from PostgreSQL (a database of this test's own, so counts are
 * exact), served with Node's metrics and the SDK exporter's text (a stand-in here; test/e2e/worker-metrics-process
 * runs the real one) on one `GET /metrics`.
 */
let own: OwnDatabase;
let dataSource: DataSource;
const HOUR = 3600;

async function insertCase(stage: string, district: string): Promise<string> {
  const caseId = randomUUID();
  await dataSource.query(
    `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, opened_at, updated_at)
     VALUES ($1, $2, 'Metrics park', $3, 1, '{}', now(), now())`,
    [caseId, district, stage],
  );
  return caseId;
}

async function insertDelivery(caseId: string, status: string, ageSeconds: number): Promise<void> {
  const key = `${caseId}:notice:${randomUUID()}`;
  await dataSource.query(
    `INSERT INTO notifications (key, case_id, kind, recipient_role, recipient_district, issued_at, clause, message)
     VALUES ($1, $2, 'report_due', 'district', '500112', now(), '§5.3', 'a notice')`,
    [key, caseId],
  );
  await dataSource.query(
    `INSERT INTO notice_deliveries (dedupe_key, notice_key, address, locale, subject, body, message_id, status,
                                    created_at)
     VALUES ($1, $2, 'bureau@example.org', 'zh-CN', 's', 'b', $1, $3, now() - make_interval(secs => $4))`,
    [`${key}:bureau`, key, status, ageSeconds],
  );
}

async function insertPayment(caseId: string, status: string, amount: number, ageSeconds: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO payments (case_id, payment_id, kind, amount, district, status, instructed_at)
     VALUES ($1, $2, 'subsidy_tranche_1', $3, '500112', $4, now() - make_interval(secs => $5))`,
    [caseId, randomUUID(), amount, status, ageSeconds],
  );
}

/** A deadline of the case's read model, due on the clock `dueInSeconds` from now (negative: passed). */
async function insertDeadline(caseId: string, kind: string, dueInSeconds: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO case_deadlines (case_id, kind, due_at, due_wall_at)
     VALUES ($1, $2, now() + make_interval(secs => $3), now() + make_interval(secs => $3))`,
    [caseId, kind, dueInSeconds],
  );
}

beforeAll(async () => {
  own = await createOwnDatabase('worker_metrics');
  dataSource = await createDataSource(own.url).initialize();
  const [a, b] = [await insertCase('designated', '500112'), await insertCase('designated', '500112')];
  const c = await insertCase('under_review', '500103');
  await insertDelivery(a, 'pending', 2 * HOUR);
  await insertDelivery(b, 'pending', 60);
  await insertDelivery(b, 'failed', 60);
  await insertDelivery(c, 'sent', 3 * HOUR);
  await insertPayment(a, 'instructed', 1_000_000, 48 * HOUR);
  await insertPayment(b, 'instructed', 500_000, HOUR);
  await insertPayment(c, 'paid', 2_000_000, 96 * HOUR);
  await insertDeadline(a, 'payment_confirmation', -HOUR);
  await insertDeadline(b, 'payment_confirmation', HOUR);
  await insertDeadline(a, 'refund', -60);
  await insertDeadline(b, 'refund', -2 * HOUR);
  await insertDeadline(c, 'review', 24 * HOUR);
});
afterAll(async () => {
  await dataSource?.destroy();
  await own?.drop();
});

describe('OperationsMetricsRepository (PostgreSQL)', () => {
  it('counts cases per stage and district, pending and failed mail, unpaid payments, passed deadlines', async () => {
    const snapshot = await new OperationsMetricsRepository(dataSource).snapshot();
    expect(snapshot.cases).toEqual([
      { stage: 'designated', district: '500112', cases: 2 },
      { stage: 'under_review', district: '500103', cases: 1 },
    ]);
    expect(snapshot.noticeDeliveries).toMatchObject({ pending: 2, failed: 1 });
    const pendingAge = (Date.now() - snapshot.noticeDeliveries.oldestPendingAt!.getTime()) / 1000;
    expect(pendingAge).toBeGreaterThanOrEqual(2 * HOUR - 5);
    expect(pendingAge).toBeLessThan(3 * HOUR);
    expect(snapshot.paymentsInFlight).toMatchObject({ count: 2, amountCny: 1_500_000 });
    const paymentAge = (Date.now() - snapshot.paymentsInFlight.oldestInstructedAt!.getTime()) / 1000;
    expect(paymentAge).toBeGreaterThanOrEqual(48 * HOUR - 5);
    expect(paymentAge).toBeLessThan(96 * HOUR);
    expect(snapshot.overdueDeadlines).toEqual([
      { kind: 'payment_confirmation', deadlines: 1 },
      { kind: 'refund', deadlines: 2 },
    ]);
  });
});

describe("the worker's GET /metrics", () => {
  const SDK_TEXT = [
    '# HELP temporal_worker_start Count of the number of initialized workers',
    '# TYPE temporal_worker_start counter',
    'temporal_worker_start{namespace="default",task_queue="parkflow"} 1',
    // A family the process registry declares too: served once, from the process registry.
    '# HELP process_cpu_seconds_total not this one',
    '# TYPE process_cpu_seconds_total counter',
    'process_cpu_seconds_total 12345',
    '',
  ].join('\n');
  let exporter: Server;
  let server: WorkerMetricsServer;
  const errors: string[] = [];

  beforeAll(async () => {
    exporter = createServer((_request, response) => response.end(SDK_TEXT));
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(exporter.address() as { port: number }).port}/metrics`;
    server = await startWorkerMetricsServer({
      port: 0,
      host: '127.0.0.1',
      repository: new OperationsMetricsRepository(dataSource),
      sdk: { bindAddress: url.slice('http://'.length, -'/metrics'.length), url },
      onError: (source) => errors.push(source),
    });
  });
  afterAll(async () => {
    await server?.close();
    if (exporter?.listening) {
      exporter.closeAllConnections();
      await new Promise((resolve) => exporter.close(resolve));
    }
  });
  const metricsUrl = (): string => `http://127.0.0.1:${server.port}/metrics`;

  it('serves the business gauges, the process metrics and the SDK text, each family once', async () => {
    const { text, contentType } = await scrape(metricsUrl());
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sampleValue(text, BUSINESS_GAUGES.cases, { stage: 'designated' })).toBe(2);
    expect(sampleValue(text, BUSINESS_GAUGES.cases, { stage: 'closed' })).toBe(0);
    expect(sampleValue(text, BUSINESS_GAUGES.casesByDistrict, { district: '500103', stage: 'under_review' })).toBe(1);
    expect(sampleValue(text, BUSINESS_GAUGES.noticeDeliveries, { status: 'pending' })).toBe(2);
    expect(sampleValue(text, BUSINESS_GAUGES.noticeDeliveries, { status: 'failed' })).toBe(1);
    expect(sampleValue(text, BUSINESS_GAUGES.oldestPendingNotice)).toBeGreaterThanOrEqual(2 * HOUR - 5);
    expect(sampleValue(text, BUSINESS_GAUGES.paymentsInFlight)).toBe(2);
    expect(sampleValue(text, BUSINESS_GAUGES.paymentsInFlightAmount)).toBe(1_500_000);
    expect(sampleValue(text, BUSINESS_GAUGES.oldestPaymentInFlight)).toBeGreaterThanOrEqual(48 * HOUR - 5);
    expect(sampleValue(text, BUSINESS_GAUGES.overdueDeadlines, { kind: 'refund' })).toBe(2);
    expect(sampleValue(text, BUSINESS_GAUGES.overdueDeadlines, { kind: 'review' })).toBe(0);
    expect(sampleValue(text, BUSINESS_GAUGES.sourceUp, { source: 'postgres' })).toBe(1);
    expect(sampleValue(text, BUSINESS_GAUGES.sourceUp, { source: 'temporal_sdk' })).toBe(1);
    expect(sampleValue(text, 'temporal_worker_start', { task_queue: 'parkflow' })).toBe(1);
    expect(declaredTypes(text)).toEqual(expect.arrayContaining([...PROCESS_SERIES]));
    expect(sampleValue(text, 'process_cpu_seconds_total')).not.toBe(12345);
    expect(declaredTypes(text).length).toBe(new Set(declaredTypes(text)).size);
    expect(declaredHelps(text).length).toBe(new Set(declaredHelps(text)).size);
    expect(errors).toEqual([]);
  });

  it('reads PostgreSQL at each scrape', async () => {
    const before = (await scrape(metricsUrl())).text;
    await insertCase('designated', '500112');
    const after = (await scrape(metricsUrl())).text;
    const designated = (text: string): number | undefined =>
      sampleValue(text, BUSINESS_GAUGES.casesByDistrict, { district: '500112', stage: 'designated' });
    expect(designated(after)).toBe(designated(before)! + 1);
  });

  it('answers 404 off /metrics and 405 for another method', async () => {
    const other = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(other.status).toBe(404);
    await other.text();
    const post = await fetch(metricsUrl(), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await post.text();
  });

  it('answers without the SDK metrics, saying so, while its exporter is down', async () => {
    exporter.closeAllConnections();
    await new Promise((resolve) => exporter.close(resolve));
    const { text } = await scrape(metricsUrl());
    expect(sampleValue(text, BUSINESS_GAUGES.sourceUp, { source: 'temporal_sdk' })).toBe(0);
    expect(declaredTypes(text)).not.toContain('temporal_worker_start');
    expect(sampleValue(text, BUSINESS_GAUGES.cases, { stage: 'under_review' })).toBe(1);
    expect(errors).toEqual(['temporal_sdk']);
  });

  it('stops listening when closed, even with a scraper keeping its connection open', async () => {
    const port = server.port;
    await scrape(metricsUrl()); // fetch keeps the connection alive
    await server.close();
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });
});

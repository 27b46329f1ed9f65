import { RequestMetrics } from '../../api/metrics/request-metrics';
import { API_SERIES, CLIENT_CERTIFICATE_EXPIRY_SERIES } from '../../api/metrics/series';
import { startWorkerMetricsServer } from '../../worker/metrics/metrics-server';
import { CLIENT_CERTIFICATE_EXPIRY_SERIES as WORKER_NAME, WORKER_SERIES } from '../../worker/metrics/series';
import { declaredTypes, sampleValue, scrape } from '../support/metrics/prometheus-text';

/**
 * `parkflow_temporal_client_certificate_expiry_timestamp_seconds` on the worker's and the API's `/metrics`: when the
 * process's Temporal client certificate expires, so an alert can warn before the frontend refuses the process.
 */
const EXPIRY = new Date('2027-03-01T12:00:00Z');
const NAME = 'parkflow_temporal_client_certificate_expiry_timestamp_seconds';
const unreadDatabase = { snapshot: () => Promise.reject(new Error('no database in this test')) };

async function workerScrape(clientCertificateExpiry: Date | undefined): Promise<string> {
  const server = await startWorkerMetricsServer({
    port: 0,
    host: '127.0.0.1',
    repository: unreadDatabase,
    clientCertificateExpiry,
  });
  try {
    return (await scrape(`http://127.0.0.1:${server.port}/metrics`)).text;
  } finally {
    await server.close();
  }
}

describe("the Temporal client certificate's expiry metric", () => {
  it('is one name for the worker and the API, served by each only when it has a certificate', () => {
    expect(CLIENT_CERTIFICATE_EXPIRY_SERIES).toBe(NAME);
    expect(WORKER_NAME).toBe(NAME);
    // The lists of what every process serves hold it not: a process without TLS (npm run dev) serves none.
    expect(WORKER_SERIES).not.toContain(NAME);
    expect(API_SERIES).not.toContain(NAME);
  });

  it("is the worker's certificate notAfter in unix seconds on its /metrics, and absent without one", async () => {
    const text = await workerScrape(EXPIRY);
    expect(declaredTypes(text)).toContain(NAME);
    expect(sampleValue(text, NAME)).toBe(EXPIRY.getTime() / 1000);
    expect(declaredTypes(await workerScrape(undefined))).not.toContain(NAME);
  });

  it("is the API's certificate notAfter in unix seconds on its /metrics, and absent without one", async () => {
    const withCertificate = await new RequestMetrics({ clientCertificateExpiry: EXPIRY }).registry.metrics();
    expect(sampleValue(withCertificate, NAME)).toBe(EXPIRY.getTime() / 1000);
    const without = await new RequestMetrics({ clientCertificateExpiry: undefined }).registry.metrics();
    expect(declaredTypes(without)).not.toContain(NAME);
  });
});

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { registerClientCertificateExpiry } from '../../config/client-certificate-metric';
import type { OperationsMetricsRepository } from '../../persistence/repositories/operations-metrics.repository';
import { BusinessGauges } from './business-gauges';
import { joinExpositions } from './exposition';
import { scrapeSdkMetrics, type SdkMetricsExporter } from './sdk-metrics';
import { BUSINESS_GAUGES } from './series';

/** What a worker's metrics endpoint reads (README "Metrics"). */
export interface WorkerMetricsOptions {
  /** The port of `GET /metrics`; 0 lets the OS pick one (tests). */
  port: number;
  /** The interface to listen on; by default every one (Prometheus scrapes from another host). */
  host?: string;
  /** Where the business gauges are read. */
  repository: Pick<OperationsMetricsRepository, 'snapshot'>;
  /** The SDK's exporter, whose text is appended; none in a process whose Temporal runtime exports no metrics. */
  sdk?: SdkMetricsExporter;
  /** More of the worker's own metrics (e.g. the schedule's lag, worker/schedule-lag-monitor.ts). */
  registries?: Registry[];
  /** When the worker's Temporal client certificate expires; none without one (the gauge is then absent). */
  clientCertificateExpiry?: Date;
  /**
   * A source (`postgres`, `temporal_sdk`) could not be read, and the scrape is answered without its metrics; or the
   * scrape failed as a whole (`scrape`, answered 500).
   */
  onError?: (source: 'postgres' | 'temporal_sdk' | 'scrape', error: unknown) => void;
}

/** A running metrics endpoint. */
export interface WorkerMetricsServer {
  /** The port it listens on. */
  port: number;
  /** Stops listening and drops open (keep-alive) connections, so the process can exit; once, however often called. */
  close(): Promise<void>;
}

const CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/**
 * Serves `GET /metrics` of a worker: Node's process metrics, its client certificate's expiry, the business gauges
 * read from PostgreSQL, and the Temporal SDK's metrics, as one exposition (each family once). A source that fails is
 * left out and reported by `parkflow_worker_metrics_source_up{source}` = 0, so a scrape answers whatever is down.
 */
export async function startWorkerMetricsServer(options: WorkerMetricsOptions): Promise<WorkerMetricsServer> {
  const onError = options.onError ?? (() => undefined);
  // A registry of this server's own, not prom-client's global one: tests start several in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sourceUp = new Gauge({
    name: BUSINESS_GAUGES.sourceUp,
    help: 'Whether the last scrape read this source (1) or left its metrics out (0)',
    labelNames: ['source'],
    registers: [registry],
  });
  registerClientCertificateExpiry(registry, options.clientCertificateExpiry);
  const business = new BusinessGauges(options.repository, (error) => onError('postgres', error));
  const sdk = options.sdk;

  const scrape = async (): Promise<string> => {
    const [businessText, sdkText] = await Promise.all([
      business.exposition(),
      sdk ? scrapeSdkMetrics(sdk, (error) => onError('temporal_sdk', error)) : undefined,
    ]);
    sourceUp.set({ source: 'postgres' }, businessText === undefined ? 0 : 1);
    if (sdk) sourceUp.set({ source: 'temporal_sdk' }, sdkText === undefined ? 0 : 1);
    const own = await Promise.all((options.registries ?? []).map((r) => r.metrics()));
    return joinExpositions([await registry.metrics(), ...own, businessText ?? '', sdkText ?? '']);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found; metrics are at /metrics\n');
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('GET /metrics\n');
    } else {
      const text = await scrape();
      response.writeHead(200, { 'content-type': CONTENT_TYPE });
      response.end(request.method === 'HEAD' ? undefined : text);
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      onError('scrape', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('metrics unavailable\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closed: Promise<void> | undefined;
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Prometheus keeps its connection open between scrapes: without this, close() would wait for it to go.
        server.closeAllConnections();
      })),
  };
}

import { createServer } from 'node:net';
import type { RuntimeOptions } from '@temporalio/worker';

/**
 * The Temporal SDK's metrics come from Core (Rust), whose only pull exporter is an HTTP server of its own. The worker
 * runs it on a loopback port and serves its text through its one `/metrics`, so Prometheus scrapes one target per
 * worker and the SDK's port is never exposed.
 */
export interface SdkMetricsExporter {
  /** `127.0.0.1:<port>`, for `Runtime.install`. */
  bindAddress: string;
  /** Where its text is read. */
  url: string;
}

/** A scrape waits this long for the SDK's exporter (on loopback, it answers in a few ms). */
export const SDK_SCRAPE_TIMEOUT_MS = 2_000;

/**
 * A free loopback port for the SDK's exporter: the OS picks it, and it is released for Core to bind, since Core
 * cannot report a port it picked itself. Another process taking it in between makes `Runtime.install` throw at start.
 */
export function reserveSdkMetricsExporter(): Promise<SdkMetricsExporter> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve({ bindAddress: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/metrics` }));
    });
  });
}

/**
 * The telemetry options that start the SDK's Prometheus exporter, with the SDK's default names (prefix `temporal_`,
 * counters without `_total`, durations in milliseconds) so that Temporal's documentation and dashboards apply.
 */
export function sdkTelemetryOptions(exporter: SdkMetricsExporter): NonNullable<RuntimeOptions['telemetryOptions']> {
  return { metrics: { prometheus: { bindAddress: exporter.bindAddress } } };
}

/** The SDK's exposition text; undefined when its exporter does not answer in time (the error goes to `onError`). */
export async function scrapeSdkMetrics(
  exporter: SdkMetricsExporter,
  onError: (error: unknown) => void = () => undefined,
  timeoutMs = SDK_SCRAPE_TIMEOUT_MS,
): Promise<string | undefined> {
  try {
    const response = await fetch(exporter.url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`the SDK's metrics exporter answered ${response.status}`);
    }
    return await response.text();
  } catch (error) {
    onError(error);
    return undefined;
  }
}

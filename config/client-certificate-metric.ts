import { Gauge, type Registry } from 'prom-client';

/**
 * When this process's Temporal client certificate expires, in unix seconds (its `notAfter`), on the worker's and the
 * API's `/metrics`; absent when the process connects without one. An alert on `… - time() < 7 * 86400` warns before
 * the frontend starts refusing the process.
 */
export const CLIENT_CERTIFICATE_EXPIRY_SERIES = 'parkflow_temporal_client_certificate_expiry_timestamp_seconds';

/** Declares {@link CLIENT_CERTIFICATE_EXPIRY_SERIES} in `registry`, set to `expiry`; nothing without a certificate. */
export function registerClientCertificateExpiry(registry: Registry, expiry: Date | undefined): void {
  if (!expiry) return;
  new Gauge({
    name: CLIENT_CERTIFICATE_EXPIRY_SERIES,
    help: "When this process's Temporal client certificate expires (notAfter), unix seconds",
    registers: [registry],
  }).set(expiry.getTime() / 1000);
}

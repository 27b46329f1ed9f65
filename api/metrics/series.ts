/**
 * The metric families the API's `GET /metrics` serves (README "Metrics"), named once: the metrics are declared with
 * these names, and the tests and the ops guide check and cite them. A histogram family `x` is exposed as `x_bucket`,
 * `x_sum` and `x_count`.
 */

/** Request metrics, labelled `method`, `route` (the route template, or `unmatched`) and `status`. */
export const REQUEST_METRICS = {
  /** Requests answered. */
  requests: 'parkflow_http_requests_total',
  /** Seconds from the request's arrival to the last byte of its answer. */
  duration: 'parkflow_http_request_duration_seconds',
} as const;

/** The `route` label of a request no route template matches (a 404 on an unknown path, …). */
export const UNMATCHED_ROUTE = 'unmatched';

/** Node.js process metrics (prom-client's defaults) that the ops guide names. */
export const API_PROCESS_SERIES = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_seconds',
] as const;

/** Its Temporal client certificate's expiry: only when it connects with one (TEMPORAL_TLS_CERT_FILE). */
export { CLIENT_CERTIFICATE_EXPIRY_SERIES } from '../../config/client-certificate-metric';

/** Every family the API's `/metrics` holds (`# TYPE` lines), with or without a client certificate. */
export const API_SERIES: readonly string[] = [...Object.values(REQUEST_METRICS), ...API_PROCESS_SERIES];

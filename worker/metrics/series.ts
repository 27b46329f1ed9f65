/**
 * The metric families a worker's `GET /metrics` serves (README "Metrics"), named once: the gauges are declared with
 * these names, and the tests and the ops guide check and cite them. A histogram family `x` is exposed as `x_bucket`,
 * `x_sum` and `x_count`.
 */

/**
 * parkflow's business gauges, read from PostgreSQL at each scrape. They describe the database, not the worker: every
 * worker reports the same values, so aggregate them across instances with `max`, never `sum`.
 */
export const BUSINESS_GAUGES = {
  /** Cases per `stage`, every stage listed (0 when empty). */
  cases: 'parkflow_cases',
  /** Cases per `district` and `stage`, only the pairs that hold a case. */
  casesByDistrict: 'parkflow_cases_by_district',
  /** Notice emails in the outbox per `status`: `pending` (still to be sent) and `failed` (refused for good). */
  noticeDeliveries: 'parkflow_notice_deliveries',
  /** Age of the oldest pending notice email (0 when none): a stuck delivery grows it. */
  oldestPendingNotice: 'parkflow_notice_delivery_oldest_pending_seconds',
  /** Payments instructed and not yet confirmed paid by finance. */
  paymentsInFlight: 'parkflow_payments_in_flight',
  /** Their sum, in CNY. */
  paymentsInFlightAmount: 'parkflow_payments_in_flight_amount_cny',
  /** Age of the oldest payment in flight (0 when none). */
  oldestPaymentInFlight: 'parkflow_payment_oldest_in_flight_seconds',
  /**
   * Deadlines passed on the clock that a case still waits on, per `kind` (every kind listed, 0 when none): e.g. a
   * payment finance has not confirmed past its confirmation period, a refund demand unpaid past its deadline.
   */
  overdueDeadlines: 'parkflow_deadlines_overdue',
  /** 1 when the scrape read its `source` (`postgres`, `temporal_sdk`), 0 when it could not (its metrics are absent). */
  sourceUp: 'parkflow_worker_metrics_source_up',
} as const;

/**
 * Histogram of how late this worker recorded the schedule's events (reminders, weekly notices, lapses), in policy
 * days (issue 13): a worker that cannot keep up with POLICY_TIME_SCALE shows it here first. Per worker (sum them).
 */
export const SCHEDULE_LAG_SERIES = 'parkflow_schedule_lag_policy_days';

/**
 * The Temporal SDK's (Core's) families that a worker serves as soon as it polls, with the SDK's default names
 * (prefix `temporal_`, counters without `_total`, durations in milliseconds).
 */
export const SDK_SERIES = [
  'temporal_worker_start',
  'temporal_num_pollers',
  'temporal_worker_task_slots_available',
  'temporal_worker_task_slots_used',
  'temporal_request',
  'temporal_request_latency',
  'temporal_long_request',
] as const;

/**
 * The SDK's families that appear once the worker has run workflow tasks and activities (a filing is enough): task
 * latencies, which grow when workers are too few, and the sticky cache.
 */
export const SDK_SERIES_AFTER_WORK = [
  'temporal_workflow_task_schedule_to_start_latency',
  'temporal_workflow_task_execution_latency',
  'temporal_workflow_task_replay_latency',
  'temporal_workflow_task_queue_poll_succeed',
  'temporal_activity_task_received',
  'temporal_activity_schedule_to_start_latency',
  'temporal_activity_execution_latency',
  'temporal_activity_succeed_endtoend_latency',
  'temporal_sticky_cache_size',
  'temporal_sticky_cache_hit',
] as const;

/**
 * The SDK's failure counters: each appears with the first failure of its kind, so a healthy worker serves none
 * (docker/prometheus/alerts.yml and the Grafana dashboard watch them).
 */
export const SDK_SERIES_ON_FAILURE = [
  'temporal_workflow_task_execution_failed',
  'temporal_activity_execution_failed',
] as const;

/** Its Temporal client certificate's expiry: only when it connects with one (TEMPORAL_TLS_CERT_FILE). */
export { CLIENT_CERTIFICATE_EXPIRY_SERIES } from '../../config/client-certificate-metric';

/** Node.js process metrics (prom-client's defaults) that the ops guide names. */
export const PROCESS_SERIES = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_seconds',
] as const;

/**
 * Every family a polling worker's `/metrics` holds (`# TYPE` lines), whatever work it has done and however it
 * connects; add {@link SDK_SERIES_AFTER_WORK} once it has run a workflow.
 */
export const WORKER_SERIES: readonly string[] = [
  ...Object.values(BUSINESS_GAUGES),
  SCHEDULE_LAG_SERIES,
  ...SDK_SERIES,
  ...PROCESS_SERIES,
];

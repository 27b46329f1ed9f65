import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, Matches, Max, Min } from 'class-validator';
import { TREASURY_GATEWAYS, type TreasuryGatewayName } from '../activities/treasury/treasury-gateway';
import { objectStoreProblems, ObjectStoreSettings } from '../config/object-store-settings';
import {
  type ConfigView,
  type Environment,
  loadConfig,
  serviceSettingsForLog,
  withoutPassword,
} from '../config/parkflow-config';

/** A plain address check (local@domain.tld); the SMTP server has the last word. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/**
 * The worker's environment, typed and validated once at start (api-contract "Configuration"): the settings it
 * shares with the API (ServiceSettings, and the documents' store for the sweep: {@link ObjectStoreSettings}), notice
 * emails, the treasury gateway, the metrics port and the document sweep's grace.
 */
export class WorkerConfig extends ObjectStoreSettings {
  /** Where notice emails go; unset: notices stay in the in-app inbox. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/]+/, {
    message: ({ value }) => `SMTP_URL must be smtp://host:port or smtps://host:port, got '${String(value)}'`,
  })
  SMTP_URL?: string;

  /** The sender of notice emails. */
  @IsNotEmpty()
  SMTP_FROM: string = 'parkflow <notices@parkflow.local>';

  /** The municipal bureau's notice addresses, comma-separated. */
  @Transform(({ value }) =>
    String(value)
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean),
  )
  @Matches(EMAIL, {
    each: true,
    message: ({ value }) =>
      `MUNICIPAL_NOTICE_EMAILS must be comma-separated email addresses, got ` +
      `'${(value as string[]).filter((address) => !EMAIL.test(address)).join("', '")}'`,
  })
  MUNICIPAL_NOTICE_EMAILS: string[] = [];

  /** Where payments go (see {@link TREASURY_GATEWAYS}); the recording gateway is the only one today. */
  @IsIn(Object.keys(TREASURY_GATEWAYS), {
    message: ({ value }) =>
      `TREASURY_GATEWAY must be one of: ${Object.keys(TREASURY_GATEWAYS).join(', ')}; got '${String(value)}'`,
  })
  TREASURY_GATEWAY: TreasuryGatewayName = 'recording';

  /**
   * The port of the worker's `GET /metrics` (business gauges, Node process metrics and the Temporal SDK's metrics;
   * README "Metrics"), on every interface. 0 (the default) serves none and leaves the SDK's exporter off: two workers
   * on one machine would otherwise fight over one default port.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT: number = 0;

  /**
   * How many cases' workflow state the worker keeps in memory between tasks (the SDK's sticky cache). A case past
   * the bound is evicted and replayed from its history at its next task, so memory stays bounded however many cases
   * are open (issue 13: ≈ 1 MB or less per cached case, bench:scale).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100_000)
  WORKER_MAX_CACHED_WORKFLOWS: number = 1_000;

  /**
   * The document sweep (issue 25 item 5) touches only what is older than this many seconds: an upload in flight —
   * its row written, its object being stored, its case's Update on its way — never is. At least a minute (an upload's
   * store call gives up after 30 s of silence); one hour by default.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'DOCUMENT_SWEEP_GRACE_SECONDS must be a whole number of seconds' })
  @Min(60, { message: 'DOCUMENT_SWEEP_GRACE_SECONDS must be at least 60 (an upload in flight is never swept)' })
  DOCUMENT_SWEEP_GRACE_SECONDS: number = 3_600;
}

const WORKER_VIEW: ConfigView<WorkerConfig> = {
  process: 'worker',
  settings: WorkerConfig,
  crossChecks: (config) => objectStoreProblems(config),
};

/** Reads the worker's configuration; throws one error listing every bad variable. */
export function loadWorkerConfig(env: Environment = process.env): WorkerConfig {
  return loadConfig(WORKER_VIEW, env);
}

/** The worker's settings as its start-up log line shows them (no secrets). */
export function workerSettingsForLog(config: WorkerConfig): Record<string, unknown> {
  return {
    ...serviceSettingsForLog(config),
    SMTP_URL: config.SMTP_URL ? withoutPassword(config.SMTP_URL) : 'unset (notices stay in the in-app inbox)',
    SMTP_FROM: config.SMTP_FROM,
    MUNICIPAL_NOTICE_EMAILS: config.MUNICIPAL_NOTICE_EMAILS,
    TREASURY_GATEWAY: config.TREASURY_GATEWAY,
    WORKER_METRICS_PORT: config.WORKER_METRICS_PORT || 'off',
    WORKER_MAX_CACHED_WORKFLOWS: config.WORKER_MAX_CACHED_WORKFLOWS,
    SCHEDULE_LAG_WARN_POLICY_DAYS: config.SCHEDULE_LAG_WARN_POLICY_DAYS,
    OBJECT_STORE_ENDPOINT: config.OBJECT_STORE_ENDPOINT,
    OBJECT_STORE_BUCKET: config.OBJECT_STORE_BUCKET,
    DOCUMENT_SWEEP_GRACE_SECONDS: config.DOCUMENT_SWEEP_GRACE_SECONDS,
  };
}

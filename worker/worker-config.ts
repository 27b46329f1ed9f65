import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, Matches } from 'class-validator';
import { TREASURY_GATEWAYS, type TreasuryGatewayName } from '../activities/treasury/treasury-gateway';
import {
  type ConfigView,
  type Environment,
  loadConfig,
  serviceSettingsForLog,
  ServiceSettings,
  withoutPassword,
} from '../config/parkflow-config';

/** A plain address check (local@domain.tld); the SMTP server has the last word. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/**
 * The worker's environment, typed and validated once at start (api-contract "Configuration"): the settings it
 * shares with the API ({@link ServiceSettings}), notice emails and the treasury gateway.
 */
export class WorkerConfig extends ServiceSettings {
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
}

const WORKER_VIEW: ConfigView<WorkerConfig> = { process: 'worker', settings: WorkerConfig };

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
  };
}

import { DEFAULT_DOCUMENT_MAX_BYTES } from '../../workflows/definitions/documents';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsPositive, Max, Min, MinLength } from 'class-validator';
import { objectStoreProblems } from '../../config/object-store-settings';
import { type ConfigView, type Environment, loadConfig } from '../../config/parkflow-config';
import { authProblems, AuthSettings } from './auth-settings';

export { DEVELOPMENT_JWT_SECRET } from './auth-settings';

/**
 * The API's environment, typed and validated once at start (api-contract "Configuration"): the settings it shares
 * with the worker ({@link ServiceSettings}), where case documents are kept (ObjectStoreSettings), who may call it
 * ({@link AuthSettings}) and its own.
 */
export class AppConfig extends AuthSettings {
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @Transform(({ value }) => Number(value))
  @IsNumber()
  @IsPositive({ message: 'POLICY_TIME_SCALE must be a positive number' })
  POLICY_TIME_SCALE: number = 1;

  /**
   * Training and test stacks: the cases this API starts take `npm run policy-clock`'s signal and move their policy
   * clock forward (issue 21). Refused in production, whose cases keep the clock that only runs.
   */
  @Transform(({ value }) => (value === true || value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'POLICY_CLOCK_ADJUSTABLE must be true or false' })
  POLICY_CLOCK_ADJUSTABLE: boolean = false;

  /** How long an officer action waits for the worker before answering 503. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  UPDATE_WAIT_MS: number = 10_000;

  /**
   * How long a request owns the `Idempotency-Key` it claimed without renewing it (its lease). The running request
   * renews the lease every third of it, so it keeps the key however long it runs; a retry with the same key and body
   * after the lease ran out (the first request's process died, or its answer could not be stored) takes the key over
   * and re-attaches to the action instead of answering 409 `idempotency_in_progress`.
   *
   * Default 10 s: a retry after a crash waits at most that long (a caller's usual back-off), while a renewal every
   * ~3.3 s is cheap and a live request survives two renewals in a row that fail or come late (a PostgreSQL hiccup, a
   * stalled event loop). Shorter takes over sooner but risks taking the key from a live request, which is safe —
   * the taker re-attaches to the same Temporal update — yet wasteful; longer strands a crashed request's key longer.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'IDEMPOTENCY_LEASE_MS must be a whole number of milliseconds' })
  @Min(1000, { message: 'IDEMPOTENCY_LEASE_MS must be at least 1000 (ms): it is renewed every third of it' })
  IDEMPOTENCY_LEASE_MS: number = 10_000;

  /** Sustained requests per minute per caller (then 429). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /** Requests a caller may make at once before the sustained rate applies. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  RATE_LIMIT_BURST: number = 120;

  /** The largest paper an upload takes, in bytes (413 above; issue 25): 20 MB (20 × 2^20 bytes). */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'DOCUMENT_MAX_BYTES must be a whole number of bytes' })
  @Min(1, { message: 'DOCUMENT_MAX_BYTES must be at least 1 (byte)' })
  @Max(1024 ** 3, { message: 'DOCUMENT_MAX_BYTES must be at most 1073741824 (1 GiB): uploads are held in memory' })
  DOCUMENT_MAX_BYTES: number = DEFAULT_DOCUMENT_MAX_BYTES;

  /**
   * The key of the documents' download links (HMAC-SHA256 over the document, the expiry and the caller): every API
   * instance behind one front door needs the same. Required in production; unset elsewhere, each process makes a
   * random one, so a link works on the instance that issued it.
   */
  @IsOptional()
  @MinLength(16, { message: 'DOCUMENT_LINK_SECRET must be at least 16 characters (e.g. openssl rand -hex 32)' })
  DOCUMENT_LINK_SECRET?: string;
}

/** The API's view of the configuration: its settings and the rules spanning variables. */
const API_VIEW: ConfigView<AppConfig> = {
  process: 'API',
  settings: AppConfig,
  crossChecks: (config) => {
    const production = config.NODE_ENV === 'production';
    const problems = [...authProblems(config, production), ...objectStoreProblems(config)];
    if (production && config.POLICY_CLOCK_ADJUSTABLE === true)
      problems.push('POLICY_CLOCK_ADJUSTABLE must be false when NODE_ENV=production (it lets cases skip policy time)');
    if (production && config.DOCUMENT_LINK_SECRET === undefined)
      problems.push('DOCUMENT_LINK_SECRET must be set when NODE_ENV=production (the key of the download links)');
    return problems;
  },
};

/** Reads the API's configuration; throws one error listing every bad variable. */
export function loadAppConfig(env: Environment = process.env): AppConfig {
  return loadConfig(API_VIEW, env);
}

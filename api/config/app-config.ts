import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsPositive, Max, Min } from 'class-validator';
import { type ConfigView, type Environment, loadConfig } from '../../config/parkflow-config';
import { authProblems, AuthSettings } from './auth-settings';

export { DEVELOPMENT_JWT_SECRET } from './auth-settings';

/** How the API runs: production refuses HS256 development tokens unless allowed. */
export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;

/**
 * The API's environment, typed and validated once at start (api-contract "Configuration"): the settings it shares
 * with the worker ({@link ServiceSettings}), who may call it ({@link AuthSettings}) and its own.
 */
export class AppConfig extends AuthSettings {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: (typeof NODE_ENVIRONMENTS)[number] = 'development';

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
   * How long a request owns the `Idempotency-Key` it claimed (its lease). A retry with the same key and body
   * after the lease ran out (the first request's process died, or its answer could not be stored) takes the key
   * over and re-attaches to the action instead of answering 409 `idempotency_in_progress`. Default:
   * {@link defaultIdempotencyLeaseMs} — longer than any request may run (two bounded waits and a margin).
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1000)
  IDEMPOTENCY_LEASE_MS!: number;

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
}

/** Two bounded waits of {@link AppConfig.UPDATE_WAIT_MS} (worker check, then the action) and 10 s of margin. */
export const defaultIdempotencyLeaseMs = (updateWaitMs: number): number => 2 * updateWaitMs + 10_000;

/** The API's view of the configuration: its settings, the derived lease, and the rules spanning variables. */
const API_VIEW: ConfigView<AppConfig> = {
  process: 'API',
  settings: AppConfig,
  derive: (config) => {
    // From UPDATE_WAIT_MS unless set (an invalid UPDATE_WAIT_MS is reported on its own, not twice).
    const updateWaitMs = Number.isInteger(config.UPDATE_WAIT_MS) ? config.UPDATE_WAIT_MS : 10_000;
    config.IDEMPOTENCY_LEASE_MS ??= defaultIdempotencyLeaseMs(updateWaitMs);
  },
  crossChecks: (config) => {
    const production = config.NODE_ENV === 'production';
    const problems = authProblems(config, production);
    if (production && config.POLICY_CLOCK_ADJUSTABLE === true)
      problems.push('POLICY_CLOCK_ADJUSTABLE must be false when NODE_ENV=production (it lets cases skip policy time)');
    const lease = config.IDEMPOTENCY_LEASE_MS;
    if (Number.isInteger(lease) && Number.isInteger(config.UPDATE_WAIT_MS) && lease <= config.UPDATE_WAIT_MS) {
      problems.push('IDEMPOTENCY_LEASE_MS must be longer than UPDATE_WAIT_MS (a running request would lose its key)');
    }
    return problems;
  },
};

/** Reads the API's configuration; throws one error listing every bad variable. */
export function loadAppConfig(env: Environment = process.env): AppConfig {
  return loadConfig(API_VIEW, env);
}

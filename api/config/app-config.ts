import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsPositive, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** The development secret; refused when NODE_ENV=production (api-contract "Configuration"). */
export const DEVELOPMENT_JWT_SECRET = 'parkflow-development-secret-do-not-use-in-production';

/** The API's environment, typed and validated once at start (api-contract "Configuration"). */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL!: string;

  @Matches(/^[^\s:]+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS: string = '127.0.0.1:7233';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE: string = 'default';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_TASK_QUEUE: string = 'parkflow';

  @IsString()
  @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET: string = DEVELOPMENT_JWT_SECRET;

  @Transform(({ value }) => Number(value))
  @IsNumber()
  @IsPositive({ message: 'POLICY_TIME_SCALE must be a positive number' })
  POLICY_TIME_SCALE: number = 1;

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

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  // Derived from UPDATE_WAIT_MS unless set (an invalid UPDATE_WAIT_MS is reported on its own, not twice).
  config.IDEMPOTENCY_LEASE_MS ??= defaultIdempotencyLeaseMs(Number.isInteger(config.UPDATE_WAIT_MS) ? config.UPDATE_WAIT_MS : 10_000);
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (config.NODE_ENV === 'production' && config.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('AUTH_JWT_SECRET must be set in production (the development secret is refused)');
  }
  if (Number.isInteger(config.IDEMPOTENCY_LEASE_MS) && Number.isInteger(config.UPDATE_WAIT_MS) && config.IDEMPOTENCY_LEASE_MS <= config.UPDATE_WAIT_MS) {
    problems.push('IDEMPOTENCY_LEASE_MS must be longer than UPDATE_WAIT_MS (a running request would lose its key)');
  }
  if (problems.length > 0) throw new Error(`invalid API configuration:\n- ${problems.join('\n- ')}`);
  return config;
}

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

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (config.NODE_ENV === 'production' && config.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('AUTH_JWT_SECRET must be set in production (the development secret is refused)');
  }
  if (problems.length > 0) throw new Error(`invalid API configuration:\n- ${problems.join('\n- ')}`);
  return config;
}

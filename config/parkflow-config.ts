import { plainToInstance, Transform } from 'class-transformer';
import { IsNotEmpty, IsPositive, IsString, Matches, validateSync } from 'class-validator';

/**
 * parkflow's configuration (README "Configuration"), declared once for every process. Each variable is a property
 * of a settings class, named as the variable, with its default, its parser (`@Transform`) and its checks (whose
 * messages name the variable). A process reads the subset it needs through a {@link ConfigView}: its settings
 * class extends the groups shared here, so a variable two processes read is parsed and refused the same way.
 */

/** The environment a configuration is read from (`process.env`, or a test's variables). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** PostgreSQL: what every process that touches the database needs (API, worker, migrations). */
export class DatabaseSettings {
  // The message never repeats the value: a connection string carries the password.
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL!: string;
}

/** What the API and the worker share: PostgreSQL, and the Temporal frontend, namespace and task queue. */
export class ServiceSettings extends DatabaseSettings {
  @Matches(/^[^\s:]+:\d+$/, { message: ({ value }) => `TEMPORAL_ADDRESS must be host:port, got '${String(value)}'` })
  TEMPORAL_ADDRESS: string = '127.0.0.1:7233';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE: string = 'default';

  /** The worker polls it; the API starts workflows on it and checks that a worker polls it. */
  @IsString()
  @IsNotEmpty()
  TEMPORAL_TASK_QUEUE: string = 'parkflow';

  /**
   * How late (in policy days) the schedule's events may be recorded before the worker warns in its log and the
   * readiness check reports the schedule `lagging` (issue 13: a worker that cannot keep up with POLICY_TIME_SCALE).
   */
  @Transform(({ value }) => Number(value))
  @IsPositive({ message: 'SCHEDULE_LAG_WARN_POLICY_DAYS must be a positive number of policy days' })
  SCHEDULE_LAG_WARN_POLICY_DAYS: number = 1;
}

/** How one process reads its subset of the configuration. */
export interface ConfigView<T extends object> {
  /** Names the process in the error ("invalid API configuration"). */
  readonly process: string;
  /** Its settings class: the shared groups it extends and its own variables. */
  readonly settings: new () => T;
  /** Fills in values derived from other variables when unset, before validation. */
  readonly derive?: (config: T) => void;
  /** Problems spanning several variables, each a sentence naming them; run even when a variable is invalid. */
  readonly crossChecks?: (config: T) => string[];
}

/**
 * Reads, parses and validates a process's configuration. Every problem is reported at once, one line each, in
 * an error that stops the process at start.
 */
export function loadConfig<T extends object>(view: ConfigView<T>, env: Environment): T {
  // An empty variable counts as unset: shells and compose's `${X:-}` export empty strings.
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(view.settings, defined, { exposeDefaultValues: true });
  view.derive?.(config);
  const problems = validateSync(config).flatMap((error) => Object.values(error.constraints ?? {}));
  problems.push(...(view.crossChecks?.(config) ?? []));
  if (problems.length > 0) throw new Error(`invalid ${view.process} configuration:\n- ${problems.join('\n- ')}`);
  return config;
}

/** A connection URL fit for a log line: its password, if any, masked. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** The shared settings as a start-up log line shows them (no secrets). */
export function serviceSettingsForLog(config: ServiceSettings): Record<string, string> {
  return {
    DATABASE_URL: withoutPassword(config.DATABASE_URL),
    TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
  };
}

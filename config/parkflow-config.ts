import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsPositive,
  IsString,
  isURL,
  Matches,
  validateSync,
  ValidateBy,
} from 'class-validator';

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

/**
 * A rule checked whether or not its variable is set (it may span variables): `problem` sees the value and every
 * setting, and returns the sentence naming what is wrong, or nothing.
 */
function Rule<T>(problem: (value: unknown, settings: T) => string | undefined): PropertyDecorator {
  return ValidateBy({
    name: 'parkflowRule',
    validator: {
      validate: (value, args) => problem(value, args?.object as T) === undefined,
      defaultMessage: (args) => problem(args?.value, args?.object as T) ?? '',
    },
  });
}

/** Whether a process is asked to sign its Temporal calls with a service token (any of the four is set). */
const wantsToken = (s: TemporalAccessSettings): boolean =>
  [
    s.TEMPORAL_AUTH_TOKEN_URL,
    s.TEMPORAL_AUTH_CLIENT_ID,
    s.TEMPORAL_AUTH_CLIENT_SECRET_FILE,
    s.TEMPORAL_AUTH_CLIENT_SECRET,
  ].some((value) => value !== undefined);

/** TLS is on when a CA or a client certificate is given (README "Configuration"). */
export const temporalTlsWanted = (
  s: Pick<TemporalAccessSettings, 'TEMPORAL_TLS_CA_FILE' | 'TEMPORAL_TLS_CERT_FILE'>,
): boolean => s.TEMPORAL_TLS_CA_FILE !== undefined || s.TEMPORAL_TLS_CERT_FILE !== undefined;

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * How a process proves itself to a secured Temporal frontend (docs/security.md "Temporal and its UI"): mutual TLS
 * with a private CA, and a bearer token from Keycloak (OAuth2 client credentials) that the server's JWT authorizer
 * checks. All unset: a plain connection, as `npm run dev` and the test stacks use. The files are read at start
 * (config/temporal-access.ts); the rules here say which variables go together. One group per class, chained:
 * DatabaseSettings → TemporalAccessSettings → ServiceSettings → (the API's) ObjectStoreSettings
 * (config/object-store-settings.ts).
 */
export class TemporalAccessSettings extends DatabaseSettings {
  /** The private CA that signed the frontend's certificate (PEM); unset: the system's trusted CAs. */
  @IsOptional()
  @IsString()
  TEMPORAL_TLS_CA_FILE?: string;

  /** This process's client certificate (PEM); with TEMPORAL_TLS_KEY_FILE. */
  @Rule((value, s: TemporalAccessSettings) =>
    (value === undefined) !== (s.TEMPORAL_TLS_KEY_FILE === undefined)
      ? 'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together: set both (the client certificate and its ' +
        'private key) or neither'
      : undefined,
  )
  TEMPORAL_TLS_CERT_FILE?: string;

  /** The client certificate's private key (PEM). */
  @IsOptional()
  @IsString()
  TEMPORAL_TLS_KEY_FILE?: string;

  /** The name checked in the frontend's certificate; unset: the host of TEMPORAL_ADDRESS. */
  @Rule((value, s: TemporalAccessSettings) => {
    if (value === undefined) return undefined;
    if (!HOST_NAME.test(String(value))) return `TEMPORAL_TLS_SERVER_NAME must be a host name, got '${String(value)}'`;
    return temporalTlsWanted(s)
      ? undefined
      : 'TEMPORAL_TLS_SERVER_NAME applies to TLS only: set TEMPORAL_TLS_CA_FILE or TEMPORAL_TLS_CERT_FILE too';
  })
  TEMPORAL_TLS_SERVER_NAME?: string;

  /** Keycloak's token endpoint (…/realms/<realm>/protocol/openid-connect/token). */
  @Rule((value, s: TemporalAccessSettings) => {
    if (value === undefined)
      return wantsToken(s)
        ? 'TEMPORAL_AUTH_TOKEN_URL must be set with TEMPORAL_AUTH_CLIENT_ID and its secret (the token endpoint)'
        : undefined;
    return isURL(String(value), HTTP_URL)
      ? undefined
      : `TEMPORAL_AUTH_TOKEN_URL must be the http(s) URL of the token endpoint, got '${String(value)}'`;
  })
  TEMPORAL_AUTH_TOKEN_URL?: string;

  /** The confidential client whose credentials get the token. */
  @Rule((value, s: TemporalAccessSettings) =>
    value === undefined && wantsToken(s)
      ? 'TEMPORAL_AUTH_CLIENT_ID must be set with TEMPORAL_AUTH_TOKEN_URL (the client the token is issued to)'
      : undefined,
  )
  TEMPORAL_AUTH_CLIENT_ID?: string;

  /** A file holding the client's secret (preferred: the secret stays out of the environment). */
  @Rule((value, s: TemporalAccessSettings) => {
    if (value !== undefined && s.TEMPORAL_AUTH_CLIENT_SECRET !== undefined)
      return 'set TEMPORAL_AUTH_CLIENT_SECRET_FILE or TEMPORAL_AUTH_CLIENT_SECRET, not both';
    return value === undefined && s.TEMPORAL_AUTH_CLIENT_SECRET === undefined && wantsToken(s)
      ? 'TEMPORAL_AUTH_CLIENT_SECRET_FILE (or TEMPORAL_AUTH_CLIENT_SECRET) must be set with TEMPORAL_AUTH_TOKEN_URL'
      : undefined;
  })
  TEMPORAL_AUTH_CLIENT_SECRET_FILE?: string;

  /** The client's secret itself, when a file cannot be mounted. */
  @IsOptional()
  @IsString()
  TEMPORAL_AUTH_CLIENT_SECRET?: string;
}

/** How a process runs: `production` refuses every development default that would open a door (keys, secrets). */
export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;

/** What the API and the worker share: PostgreSQL, and the Temporal frontend, namespace, task queue and access. */
export class ServiceSettings extends TemporalAccessSettings {
  @IsIn(NODE_ENVIRONMENTS, {
    message: ({ value }) => `NODE_ENV must be development, test or production, got '${String(value)}'`,
  })
  NODE_ENV: (typeof NODE_ENVIRONMENTS)[number] = 'development';

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

/** The variables a process needs to reach Temporal: frontend, namespace and access (config/temporal-access.ts). */
export const TEMPORAL_CONNECTION_VARIABLES = [
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TLS_CA_FILE',
  'TEMPORAL_TLS_CERT_FILE',
  'TEMPORAL_TLS_KEY_FILE',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_AUTH_TOKEN_URL',
  'TEMPORAL_AUTH_CLIENT_ID',
  'TEMPORAL_AUTH_CLIENT_SECRET_FILE',
  'TEMPORAL_AUTH_CLIENT_SECRET',
] as const;

/** The settings of {@link TEMPORAL_CONNECTION_VARIABLES}, as every process that connects to Temporal reads them. */
export type TemporalConnectionSettings = Pick<ServiceSettings, (typeof TEMPORAL_CONNECTION_VARIABLES)[number]>;

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
    // The access variables (those after the address and namespace) that are set: paths, names, the endpoint; never
    // the secret itself.
    ...Object.fromEntries(
      TEMPORAL_CONNECTION_VARIABLES.slice(2).flatMap((name) =>
        config[name] === undefined || name === 'TEMPORAL_AUTH_CLIENT_SECRET' ? [] : [[name, config[name]]],
      ),
    ),
  };
}

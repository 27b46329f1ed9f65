import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
  type ConnectionOptions,
  type TLSConfig,
} from '@temporalio/client';
import { GrpcCallsInFlight } from './grpc-calls-in-flight';
import { type TemporalConnectionSettings, temporalTlsWanted } from './parkflow-config';
import { errorText, ServiceTokenSource, type TokenWarning } from './service-token';

/**
 * How every parkflow process reaches Temporal (docs/security.md "Temporal and its UI"): the settings of
 * {@link TemporalConnectionSettings} turned into the SDK's options — TLS with the private CA and this process's client
 * certificate, and a bearer token from Keycloak kept fresh — once, by {@link openTemporalAccess}. Unset, they give
 * the plain connection `npm run dev` and the test stacks use.
 */

/** A warning line in the JSON log format the worker and the API write, for CLIs that have no logger of their own. */
export const jsonWarning: TokenWarning = (message, fields) =>
  console.error(
    JSON.stringify({ time: new Date().toISOString(), level: 'warn', context: 'TemporalAccess', message, ...fields }),
  );

/** What a process holds to reach Temporal; {@link close} it when the connection is closed. */
export interface TemporalAccess {
  readonly address: string;
  /** The SDK's `tls` option. `false`, not unset, for a plain one: given an `apiKey`, the SDK would turn TLS on. */
  readonly tls: TLSConfig | false;
  /** When this process's client certificate expires (its `notAfter`); undefined without one. */
  readonly clientCertificateExpiry: Date | undefined;
  /** The service token, renewed in the background; undefined without TEMPORAL_AUTH_TOKEN_URL. */
  readonly tokens: ServiceTokenSource | undefined;
  /** Where problems after start (a failed renewal) are reported. */
  readonly warn: TokenWarning;
  /** Stops renewing the token. */
  close(): void;
}

/** A connected Temporal client and what releases it. */
export interface TemporalClientAccess {
  readonly client: Client;
  readonly clientCertificateExpiry: Date | undefined;
  /** Closes the connection and stops renewing the token. */
  close(): Promise<void>;
}

/** Why a file could not be used: its errno code (`ENOENT`, `EACCES`) or the parser's message. */
const fileReason = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? errorText(error);

/** The file a variable names; an error naming the variable and the path when it cannot be read. */
function readNamedFile(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${variable}=${path} cannot be read (${fileReason(error)})`);
  }
}

/** The first PEM certificate of the file a variable names. */
function certificateFile(variable: string, path: string): { pem: Buffer; certificate: X509Certificate } {
  const pem = readNamedFile(variable, path);
  try {
    return { pem, certificate: new X509Certificate(pem) };
  } catch (error) {
    throw new Error(`${variable}=${path} holds no PEM certificate (${fileReason(error)})`);
  }
}

/** This process's certificate and key, checked to match and to be valid now (the frontend would refuse them). */
function clientCertificatePair(
  certPath: string,
  keyPath: string,
  now: number,
): { pair: NonNullable<TLSConfig['clientCertPair']>; expiry: Date } {
  const { pem: crt, certificate } = certificateFile('TEMPORAL_TLS_CERT_FILE', certPath);
  const key = readNamedFile('TEMPORAL_TLS_KEY_FILE', keyPath);
  let matches: boolean;
  try {
    matches = certificate.checkPrivateKey(createPrivateKey(key));
  } catch (error) {
    throw new Error(`TEMPORAL_TLS_KEY_FILE=${keyPath} holds no PEM private key (${fileReason(error)})`);
  }
  if (!matches)
    throw new Error(`TEMPORAL_TLS_KEY_FILE=${keyPath} is not the key of TEMPORAL_TLS_CERT_FILE=${certPath}`);
  const expiry = new Date(certificate.validTo);
  if (expiry.getTime() <= now)
    throw new Error(`TEMPORAL_TLS_CERT_FILE=${certPath} expired on ${certificate.validTo}: issue a new one`);
  return { pair: { crt, key }, expiry };
}

/**
 * The SDK's TLS options from the files the settings name, read now, and the client certificate's expiry; undefined
 * when TLS is off. Throws, naming the variable and the path, for a file that is missing, unreadable or wrong.
 */
export function temporalTls(
  settings: TemporalConnectionSettings,
  now = Date.now(),
): { tls: TLSConfig; clientCertificateExpiry: Date | undefined } | undefined {
  if (!temporalTlsWanted(settings)) return undefined;
  const { TEMPORAL_TLS_CA_FILE: caPath, TEMPORAL_TLS_CERT_FILE: certPath, TEMPORAL_TLS_KEY_FILE: keyPath } = settings;
  const client = certPath && keyPath ? clientCertificatePair(certPath, keyPath, now) : undefined;
  return {
    tls: {
      ...(caPath ? { serverRootCACertificate: certificateFile('TEMPORAL_TLS_CA_FILE', caPath).pem } : {}),
      ...(client ? { clientCertPair: client.pair } : {}),
      // Unset, the SDK checks the host of TEMPORAL_ADDRESS.
      ...(settings.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: settings.TEMPORAL_TLS_SERVER_NAME } : {}),
    },
    clientCertificateExpiry: client?.expiry,
  };
}

/** The client secret: the file's content (its trailing newline dropped) or the variable's value. */
function clientSecret(settings: TemporalConnectionSettings): string {
  const path = settings.TEMPORAL_AUTH_CLIENT_SECRET_FILE;
  if (!path) return settings.TEMPORAL_AUTH_CLIENT_SECRET as string;
  const secret = readNamedFile('TEMPORAL_AUTH_CLIENT_SECRET_FILE', path).toString('utf8').trim();
  if (!secret) throw new Error(`TEMPORAL_AUTH_CLIENT_SECRET_FILE=${path} is empty`);
  return secret;
}

/** The first service token and its source; a start error naming TEMPORAL_AUTH_TOKEN_URL when none is issued. */
async function serviceTokens(
  settings: TemporalConnectionSettings,
  warn: TokenWarning,
): Promise<ServiceTokenSource | undefined> {
  const { TEMPORAL_AUTH_TOKEN_URL: tokenUrl, TEMPORAL_AUTH_CLIENT_ID: clientId } = settings;
  if (!tokenUrl || !clientId) return undefined;
  const credentials = { tokenUrl, clientId, clientSecret: clientSecret(settings) };
  try {
    return await ServiceTokenSource.start(credentials, warn);
  } catch (error) {
    throw new Error(
      `no Temporal service token from TEMPORAL_AUTH_TOKEN_URL=${tokenUrl} for TEMPORAL_AUTH_CLIENT_ID=${clientId}: ` +
        errorText(error),
    );
  }
}

/**
 * What this process needs to reach Temporal, read and fetched now: the TLS files and the first service token (so a
 * wrong file or a refusing Keycloak stops the process at start, naming the variable). Every connection to Temporal
 * is made from one; see {@link connectTemporalClient} and config/temporal-worker-connection.ts.
 */
export async function openTemporalAccess(
  settings: TemporalConnectionSettings,
  warn: TokenWarning = jsonWarning,
): Promise<TemporalAccess> {
  const tls = temporalTls(settings);
  const tokens = await serviceTokens(settings, warn);
  if (tokens && !tls)
    warn('the Temporal service token travels unencrypted: set TEMPORAL_TLS_CA_FILE to connect with TLS', {
      address: settings.TEMPORAL_ADDRESS,
    });
  return {
    address: settings.TEMPORAL_ADDRESS,
    tls: tls?.tls ?? false,
    clientCertificateExpiry: tls?.clientCertificateExpiry,
    tokens,
    warn,
    close: () => tokens?.close(),
  };
}

/** `@temporalio/client` connection options: the SDK asks for the token before each call, so renewals apply at once. */
export function clientConnectionOptions(access: TemporalAccess): ConnectionOptions {
  const { tokens } = access;
  return { address: access.address, tls: access.tls, ...(tokens ? { apiKey: () => tokens.token } : {}) };
}

/** How long closing a client waits for its calls in flight (a retry pending, an update awaited) to settle. */
const CLOSE_GRACE_MS = 10_000;

/**
 * A Temporal client in the settings' namespace, for the API and the CLIs (calendar, policy clock, reconcile).
 * `lazy`: the connection opens at the first call (the API builds its module graph without Temporal); otherwise it
 * is opened now, and an error names TEMPORAL_ADDRESS. The TLS files and the first token are read either way.
 */
export async function connectTemporalClient(
  settings: TemporalConnectionSettings,
  options: { lazy?: boolean; warn?: TokenWarning } = {},
): Promise<TemporalClientAccess> {
  const access = await openTemporalAccess(settings, options.warn);
  const calls = new GrpcCallsInFlight();
  const connectionOptions = {
    ...clientConnectionOptions(access),
    interceptors: [calls.interceptor, makeGrpcRetryInterceptor(defaultGrpcRetryOptions())],
  };
  let connection: Connection;
  try {
    connection = options.lazy ? Connection.lazy(connectionOptions) : await Connection.connect(connectionOptions);
  } catch (error) {
    access.close();
    throw new Error(`cannot reach Temporal at TEMPORAL_ADDRESS=${access.address}: ${errorText(error)}`);
  }
  return {
    client: new Client({ connection, namespace: settings.TEMPORAL_NAMESPACE }),
    clientCertificateExpiry: access.clientCertificateExpiry,
    close: async () => {
      access.close();
      await calls.drained(CLOSE_GRACE_MS);
      await connection.close();
    },
  };
}

/**
 * Runs `work` with a Temporal client of the settings (see {@link connectTemporalClient}) and closes it after, however
 * `work` ends: the CLIs' one way to Temporal (calendar, policy clock, reconcile).
 */
export async function withTemporalClient<T>(
  settings: TemporalConnectionSettings,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const temporal = await connectTemporalClient(settings);
  try {
    return await work(temporal.client);
  } finally {
    await temporal.close();
  }
}

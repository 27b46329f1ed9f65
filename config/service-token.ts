/** A confidential client's credentials at an OAuth2 token endpoint (Keycloak's `…/protocol/openid-connect/token`). */
export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Where the source reports a renewal that failed (one line in the process's JSON log). */
export type TokenWarning = (message: string, fields: Record<string, unknown>) => void;

/** How a {@link ServiceTokenSource} times its renewals; suited to Keycloak's five-minute tokens. */
const TIMING = {
  /** The share of a token's lifetime after which it is renewed (3.5 minutes into a 5-minute token). */
  renewAfter: 0.7,
  /** The first wait after a failed renewal; each next one doubles, up to `retryMaxMs`. */
  retryFirstMs: 1_000,
  retryMaxMs: 30_000,
  /** How long one request to the endpoint may take. */
  requestTimeoutMs: 10_000,
} as const;

/** A token's lifetime when the endpoint names none (RFC 6749 makes `expires_in` optional). */
const UNNAMED_LIFETIME_SECONDS = 60;

/** One token and how long it lives. */
interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/**
 * One client-credentials grant (RFC 6749 §4.4: a form POST with the client's id and secret in the body, as Keycloak
 * takes them). Throws with the endpoint's status and its `error` / `error_description` when it issues no token.
 */
async function requestClientCredentialsToken(credentials: ClientCredentials): Promise<IssuedToken> {
  const response = await fetch(credentials.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    }),
    signal: AbortSignal.timeout(TIMING.requestTimeoutMs),
  });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: unknown;
    expires_in?: unknown;
    error?: unknown;
    error_description?: unknown;
  };
  if (!response.ok || typeof body.access_token !== 'string' || body.access_token === '') {
    const reason = [body.error, body.error_description].filter((part) => typeof part === 'string').join(': ');
    throw new Error(`the token endpoint answered ${response.status}${reason ? ` (${reason})` : ''} and no token`);
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : UNNAMED_LIFETIME_SECONDS,
  };
}

/** An error's message and its cause's (`fetch failed` says why only in its cause); by shape, whatever its realm. */
export function errorText(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  if (typeof message !== 'string') return String(error);
  return typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message;
}

/**
 * A service's bearer token, kept fresh: fetched once by {@link start} (which throws when the endpoint refuses), then
 * renewed in the background at 70% of its lifetime. A renewal that fails is retried
 * with a doubling wait while the current token stays in use (it is still valid for the rest of its lifetime, and
 * after that the server's refusal names the problem better than a missing token would); each failure is one warning.
 * The timers never keep a process alive, and {@link close} stops them.
 */
export class ServiceTokenSource {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly listeners: ((token: string) => void)[] = [];

  private constructor(
    private readonly credentials: ClientCredentials,
    private readonly warn: TokenWarning,
    private issued: IssuedToken,
    private issuedAt: number,
  ) {
    this.scheduleRenewal();
  }

  /** The first token, and the source that renews it; throws (the endpoint's answer) when none is issued. */
  static async start(credentials: ClientCredentials, warn: TokenWarning): Promise<ServiceTokenSource> {
    const issued = await requestClientCredentialsToken(credentials);
    return new ServiceTokenSource(credentials, warn, issued, Date.now());
  }

  /** The token to send now (synchronous: the SDK's `apiKey` hook asks for it before every call). */
  get token(): string {
    return this.issued.accessToken;
  }

  /** When the current token stops being valid. */
  get expiresAt(): Date {
    return new Date(this.issuedAt + this.issued.expiresInSeconds * 1000);
  }

  /** Calls `listener` (which must not throw) with each renewed token: a NativeConnection's `setApiKey`. */
  onRenewed(listener: (token: string) => void): void {
    this.listeners.push(listener);
  }

  /** Stops renewing; the current token stays readable. Idempotent. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private scheduleRenewal(): void {
    // At least a second: an endpoint naming a zero lifetime must not make this a busy loop.
    const lifetimeMs = this.issued.expiresInSeconds * 1000;
    this.wait(Math.max(1_000, lifetimeMs * TIMING.renewAfter), 0);
  }

  private wait(ms: number, failures: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.renew(failures), ms);
    this.timer.unref(); // a process whose work is done exits whatever the token's schedule
  }

  private async renew(failures: number): Promise<void> {
    let issued: IssuedToken;
    try {
      issued = await requestClientCredentialsToken(this.credentials);
    } catch (error) {
      if (!this.closed) this.retryAfter(error, failures);
      return;
    }
    if (this.closed) return;
    this.issued = issued;
    this.issuedAt = Date.now();
    this.scheduleRenewal();
    for (const listener of this.listeners) listener(issued.accessToken);
  }

  private retryAfter(error: unknown, failures: number): void {
    const retryInMs = Math.min(TIMING.retryFirstMs * 2 ** failures, TIMING.retryMaxMs);
    const expired = Date.now() >= this.expiresAt.getTime();
    this.warn(
      expired
        ? 'the Temporal service token has expired and could not be renewed: Temporal refuses calls until it is'
        : 'renewing the Temporal service token failed; the current one stays in use until it expires',
      {
        tokenUrl: this.credentials.tokenUrl,
        clientId: this.credentials.clientId,
        error: errorText(error),
        failures: failures + 1,
        expiresAt: this.expiresAt.toISOString(),
        retryInMs,
      },
    );
    this.wait(retryInMs, failures + 1);
  }
}

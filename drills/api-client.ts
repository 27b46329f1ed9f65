import { signDevelopmentToken } from '../api/auth/development-token';
import type { OfficerRole } from '../workflows/definitions/case';

/**
 * One HTTP exchange the drill made, as seen by the caller: `status` 0 when no answer came (connection refused, reset,
 * timeout).
 */
export interface Exchange {
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  status: number;
  /** The contract's machine code (`error`) of a 4xx/5xx body. */
  code?: string;
  retryAfter: string | null;
  /** Why no answer came (status 0). */
  failure?: string;
}

/** An answer: `status` 0 and no body when the request got no answer. */
export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of many shapes, checked where used
  headers: Headers | undefined;
}

/**
 * The 503s the contract documents (api-contract "Errors"; issue 10 item 5): a named dependency or no worker, with
 * `Retry-After`.
 */
export const DOCUMENTED_503 = ['dependency_unavailable', 'worker_unavailable'];

/**
 * True for a 5xx the contract does not allow: anything but a documented 503 carrying `Retry-After` (issue 10: "never a
 * 500").
 */
export const isUndocumented5xx = (exchange: Exchange): boolean =>
  exchange.status >= 500 &&
  !(exchange.status === 503 && DOCUMENTED_503.includes(exchange.code ?? '') && /^\d+$/.test(exchange.retryAfter ?? ''));

/** A request the client is waiting on (drill 2 kills the API while some are in flight). */
export interface InFlight {
  method: string;
  path: string;
  idempotencyKey?: string;
  startedAt: number;
}

/** No answer within this long is recorded as "no answer" (a hung request), and the caller retries. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The drills' HTTP client: JSON in and out, bearer tokens signed with the stack's `AUTH_JWT_SECRET` (as
 * `npm run token` does), and a record of every exchange and of the requests in flight, from which the
 * invariants count 5xx, 503s and answers during an outage.
 */
export class ApiClient {
  readonly exchanges: Exchange[] = [];
  readonly inFlight = new Set<InFlight>();
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly secret: string,
  ) {}

  /** A bearer token for an officer (cached: the same caller keeps the same identity for its Idempotency-Keys). */
  token(role: OfficerRole, sub: string, district?: string): string {
    const id = `${role}:${sub}:${district ?? ''}`;
    let token = this.tokens.get(id);
    if (!token) {
      token = signDevelopmentToken({ sub, role, district }, this.secret, 6 * 3_600);
      this.tokens.set(id, token);
    }
    return token;
  }

  async call(
    method: string,
    path: string,
    /** A `FormData` body is sent as `multipart/form-data` (an upload), anything else as JSON. */
    options: { token: string; body?: unknown; idempotencyKey?: string },
  ): Promise<Answer> {
    const flight: InFlight = { method, path, idempotencyKey: options.idempotencyKey, startedAt: Date.now() };
    this.inFlight.add(flight);
    const exchange: Exchange = { method, path, startedAt: flight.startedAt, endedAt: 0, status: 0, retryAfter: null };
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(options.body instanceof FormData ? {} : { 'content-type': 'application/json' }),
          authorization: `Bearer ${options.token}`,
          ...(options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {}),
        },
        body:
          options.body === undefined || options.body instanceof FormData ? options.body : JSON.stringify(options.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text; // not JSON: kept as text for the report
      }
      exchange.status = response.status;
      exchange.retryAfter = response.headers.get('retry-after');
      if (response.status >= 400) exchange.code = (body as { error?: string } | undefined)?.error;
      return { status: response.status, body, headers: response.headers };
    } catch (error) {
      exchange.failure = (error as Error).cause
        ? String(((error as Error).cause as Error).message ?? (error as Error).cause)
        : (error as Error).message;
      return { status: 0, body: undefined, headers: undefined };
    } finally {
      exchange.endedAt = Date.now();
      this.exchanges.push(exchange);
      this.inFlight.delete(flight);
    }
  }
}

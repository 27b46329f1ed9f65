/** The machine code naming the object store in a 503 and in readiness details (the API's `field`). */
export const OBJECT_STORE = 'object_store';

/**
 * The object store could not serve a call: no connection, a reset or a timeout, a 5xx answer, or (for `ping`) any
 * failure at all. The API answers 503 naming {@link OBJECT_STORE}; nothing was half-written (a multipart upload that
 * failed was aborted, or is left for the sweep when even the abort could not reach the store).
 */
export class ObjectStoreUnavailable extends Error {
  readonly store = OBJECT_STORE;

  constructor(
    /** What was being done: `put`, `open`, `remove`, `list`, `ensureBucket`, `ping`. */
    readonly operation: string,
    cause: unknown,
  ) {
    super(`the object store did not answer ${operation}: ${describe(cause)}`, { cause });
    this.name = 'ObjectStoreUnavailable';
  }
}

/** Node's socket errors that mean the store is unreachable, not that the request was wrong. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What the AWS SDK (and Node under it) puts on an error that tells where it came from. */
interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/**
 * Whether `error` says the store is out of reach or failing (→ {@link ObjectStoreUnavailable}) rather than refusing
 * this request (a 4xx: wrong credentials, a missing key), which stays as it is. The SDK's retries mark every error they
 * give up on with `$metadata`; one without an HTTP status there never got an answer from the store (the SDK may also
 * have wrapped Node's socket error and lost its code on the way).
 */
export function storeUnreachable(error: unknown): boolean {
  const e = (error ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  if (e.$metadata?.attempts !== undefined) return true;
  return (e.code !== undefined && NETWORK_CODES.has(e.code)) || e.name === 'TimeoutError';
}

function describe(cause: unknown): string {
  const e = (cause ?? {}) as SdkError & { message?: string };
  return [e.code ?? e.name, e.message].filter(Boolean).join(': ') || String(cause);
}

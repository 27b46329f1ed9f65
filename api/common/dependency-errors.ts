import { HttpStatus } from '@nestjs/common';
import { isGrpcServiceError } from '@temporalio/client';
import { text, type LocalizedText } from '../i18n/localized-text';
import { ApiError } from './api-error';

/** Seconds a client should wait before retrying after a 503 (the `Retry-After` header). */
export const RETRY_AFTER_SECONDS = 5;

/** The machine code of a 503 for a dependency that is down (api-contract "Errors"). */
export const DEPENDENCY_UNAVAILABLE = 'dependency_unavailable';

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  driverError?: unknown;
}

/** gRPC status codes (numbers on a gRPC ServiceError). */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Node socket errors that mean "could not reach the server" (as raised by `pg` before any query ran). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/**
 * PostgreSQL SQLSTATEs of an unusable connection or server: class 08 (connection exception), 57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
 */
const PG_CONNECTION_STATE = /^(08...|57P0[123]|53300)$/;
/** Messages of `pg` / `pg-pool` / TypeORM when the connection or the pool is gone. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end',
  'Client has encountered a connection error',
  'Driver not Connected',
  'terminating connection due to administrator command',
];
const PG_CONNECTION_MESSAGE = new RegExp(PG_CONNECTION_MESSAGES.join('|'), 'i');

/** The error and its causes (`cause`, TypeORM's `driverError`), bounded. */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 12) {
    const current = queue.shift();
    if (!current || typeof current !== 'object') continue;
    const e = current as ErrorLike;
    out.push(e);
    queue.push(e.cause, e.driverError);
  }
  return out;
}

/** Which dependency an outage error points at, with what happened (a catalogue text); undefined for any other error. */
export type Outage = { dependency: 'Temporal' | 'PostgreSQL' | 'identity'; reason: LocalizedText };

/** Temporal at `address` is unreachable, or did not answer in time. */
export const temporalOutage = (address: string, timedOut = false): Outage => ({
  dependency: 'Temporal',
  reason: text(timedOut ? 'errors.outage.temporalTimeout' : 'errors.outage.temporalUnreachable', { address }),
});

const POSTGRES_OUTAGE: Outage = { dependency: 'PostgreSQL', reason: text('errors.outage.postgresUnreachable') };

/**
 * Classifies an error as an outage of Temporal (gRPC UNAVAILABLE / DEADLINE_EXCEEDED, told by the SDK's
 * `isGrpcServiceError`, also wrapped in the SDK's `ServiceError`) or of PostgreSQL (socket errors, connection
 * SQLSTATEs, `pg` / TypeORM "connection gone" messages, also wrapped in a `QueryFailedError`), along the cause chain.
 * The one place the API decides "this is an outage".
 */
export function classifyOutage(error: unknown, temporalAddress: string): Outage | undefined {
  for (const e of chain(error)) {
    const message = typeof e.message === 'string' ? e.message : '';
    if (isGrpcServiceError(e) && e.code === GRPC_UNAVAILABLE) return temporalOutage(temporalAddress);
    if (isGrpcServiceError(e) && e.code === GRPC_DEADLINE_EXCEEDED) return temporalOutage(temporalAddress, true);
    if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || PG_CONNECTION_STATE.test(e.code))) {
      return POSTGRES_OUTAGE;
    }
    if (PG_CONNECTION_MESSAGE.test(message)) return POSTGRES_OUTAGE;
  }
  return undefined;
}

/** The contract's 503 for an outage: nothing was applied; retry after `Retry-After` seconds. */
export function dependencyUnavailableError(outage: Outage): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    DEPENDENCY_UNAVAILABLE,
    text('errors.unavailable', { reason: outage.reason.$text, seconds: RETRY_AFTER_SECONDS }),
  );
}

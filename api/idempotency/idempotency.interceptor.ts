import { HttpException, HttpStatus, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, Observable, of, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { currentRequest } from '../common/request-context';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,200}$/;

/** Canonical JSON (sorted keys), so the same body written in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const bodyHash = (body: unknown): string => createHash('sha256').update(canonical(body)).digest('hex');

/** Responses worth replaying: successes and the caller's own mistakes — not 5xx or 429, whose retry should run. */
const isFinal = (status: number): boolean => status < 500 && status !== HttpStatus.TOO_MANY_REQUESTS;

/**
 * `Idempotency-Key` on state-changing POSTs (api-contract "Errors"): the same key and body replay the first
 * response; the same key with another body or path is 422; a key whose first request is still running is 409.
 * Keys are per caller (JWT subject and role). The key also becomes the Temporal update id, so a retry after
 * a lost response never applies an action twice even if the stored response was never written.
 *
 * A key is claimed for a lease (`IDEMPOTENCY_LEASE_MS`), not for good: when the first request died (or its
 * answer could not be stored), a retry with the same body after the lease takes the key over — the action
 * then re-attaches to the Temporal update the first request sent (`CaseActionsService`). If storing the answer
 * fails even after a few tries (a PostgreSQL blip), the caller still gets the real answer; the key is retaken
 * after its lease.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header(IDEMPOTENCY_HEADER);
    if (request.method !== 'POST' || key === undefined || !request.actor) return next.handle();
    if (!ACCEPTABLE_KEY.test(key)) {
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'validation_failed', `${IDEMPOTENCY_HEADER} must be 1–200 printable ASCII characters`, [
        { field: IDEMPOTENCY_HEADER, message: 'use a unique token per action, e.g. a UUID' },
      ]);
    }
    const caller = `${request.actor.role}:${request.actor.id}`;
    const path = request.originalUrl.split('?')[0];
    return from(this.store.begin(caller, key, request.method, path, bodyHash(request.body))).pipe(
      concatMap((prior) => {
        if (prior.state !== 'new' && !prior.sameRequest) throw keyReused(key);
        if (prior.state === 'in_progress') {
          throw new ApiError(HttpStatus.CONFLICT, 'idempotency_in_progress', `the first request with ${IDEMPOTENCY_HEADER} '${key}' is still running; retry shortly`);
        }
        if (prior.state === 'completed') {
          response.setHeader('Idempotent-Replayed', 'true');
          if (prior.status >= 400) throw new HttpException(prior.response as object, prior.status);
          response.status(prior.status); // e.g. a replayed 202
          return of(prior.response);
        }
        const context = currentRequest();
        if (context) context.idempotency = { caller, key, takenOver: prior.takenOver };
        return this.run(next, caller, key, prior.attempt, response);
      }),
    );
  }

  private run(next: CallHandler, caller: string, key: string, attempt: number, response: Response): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
        const settle = isFinal(status) ? this.store.complete(caller, key, attempt, status, (error as HttpException).getResponse()) : this.store.release(caller, key, attempt);
        return from(this.tolerate(settle, key)).pipe(concatMap(() => throwError(() => error)));
      }),
      // After catchError: a failure to store a success must not turn it into an error.
      concatMap((body) => from(this.tolerate(this.store.complete(caller, key, attempt, response.statusCode, body), key).then(() => body))),
    );
  }

  /** The action's answer stands even when it cannot be stored: the key stays claimed until its lease runs out. */
  private async tolerate(settle: Promise<void>, key: string): Promise<void> {
    try {
      await settle;
    } catch (error) {
      this.logger.warn(`could not store the outcome under ${IDEMPOTENCY_HEADER} '${key}' (a retry takes the key over after its lease): ${(error as Error)?.message ?? error}`);
    }
  }
}

const keyReused = (key: string): ApiError =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'idempotency_key_reused', `${IDEMPOTENCY_HEADER} '${key}' was already used for a different request`, [
    { field: IDEMPOTENCY_HEADER, message: 'a key may be reused only with the same method, path and body' },
  ]);

import {
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { catchError, concatMap, finalize, from, Observable, of, throwError } from 'rxjs';
import { ActionPending } from '../action-outcomes/action-pending';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { ApiError, invalidRequest } from '../common/api-error';
import { MAX_JSON_DEPTH, nestedTooDeep } from '../common/request-value-walk';
import { text } from '../i18n/localized-text';
import type { IdempotentRequest } from './idempotency-claim';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Canonical JSON (sorted keys), so the same body written in another key order is the same request. Its recursion is
 * bounded: past {@link MAX_JSON_DEPTH} levels it is 422, as the body parser already refuses (never a stack overflow).
 */
function canonical(value: unknown, level = 1): string {
  if (value && typeof value === 'object' && level > MAX_JSON_DEPTH) throw nestedTooDeep('body');
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item, level + 1)).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], level + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const bodyHash = (body: unknown): string => createHash('sha256').update(canonical(body)).digest('hex');

/**
 * Background storing of an answer (after the request's own tries failed): first after 2 s, then every 4–5 s, for 10
 * minutes.
 */
const BACKGROUND_SETTLE_FIRST_DELAY_MS = 2_000;
const BACKGROUND_SETTLE_MAX_DELAY_MS = 5_000;
const BACKGROUND_SETTLE_FOR_MS = 10 * 60_000;

/** Responses worth replaying: successes and the caller's own mistakes — not 5xx or 429, whose retry should run. */
const isFinal = (status: number): boolean => status < 500 && status !== HttpStatus.TOO_MANY_REQUESTS;

/**
 * `Idempotency-Key` on state-changing POSTs (api-contract "Errors"): the same key and body replay the first
 * response; the same key with another body or path is 422; a key whose first request is still running is 409, with
 * `Retry-After` the seconds until its lease runs out.
 * Keys are per caller (JWT subject and role). The key also becomes the Temporal update id, so a retry after
 * a lost response never applies an action twice even if the stored response was never written.
 *
 * A key is claimed for a lease (`IDEMPOTENCY_LEASE_MS`), not for good: the request renews it while it runs
 * (`LeaseHeartbeat`), and when it died (or its answer could not be stored), a retry with the same body after the
 * lease takes the key over — the action then re-attaches to the Temporal update the first request sent
 * (`CaseActionsService.send`), so even a take-over from a live but stalled request never applies it twice. If storing
 * the answer fails even after a few tries (a PostgreSQL blip), the caller still gets the real answer; the key is
 * retaken after its lease, and the answer is stored in the background once PostgreSQL is back. A 202 whose outcome
 * is not known yet (sent, no worker answered in time) is not kept: the retry sends the same update again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest & IdempotentRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header(IDEMPOTENCY_HEADER);
    if (request.method !== 'POST' || key === undefined || !request.actor) return next.handle();
    if (!ACCEPTABLE_KEY.test(key)) {
      const field = IDEMPOTENCY_HEADER;
      throw invalidRequest([{ field, message: text('validation.idempotencyKey', { field }) }]);
    }
    const caller = `${request.actor.role}:${request.actor.id}`;
    const path = request.originalUrl.split('?')[0];
    return from(this.store.begin(caller, key, request.method, path, bodyHash(request.body))).pipe(
      concatMap((prior) => {
        if (prior.state !== 'new' && !prior.sameRequest) throw keyReused(key);
        if (prior.state === 'in_progress') {
          // When a retry may take the key over, should the first request have died (its lease runs out).
          response.setHeader('Retry-After', String(prior.retryAfterSeconds));
          throw new ApiError(
            HttpStatus.CONFLICT,
            'idempotency_in_progress',
            text('errors.idempotencyInProgress', { header: IDEMPOTENCY_HEADER, key }),
          );
        }
        if (prior.state === 'completed') {
          response.setHeader('Idempotent-Replayed', 'true');
          if (prior.status >= 400) throw new HttpException(prior.response as object, prior.status);
          response.status(prior.status); // e.g. a replayed 202
          return of(prior.response);
        }
        // Handed to the route (`@Idempotency()`), which passes it on to the action as an argument.
        request.idempotency = { caller, key, takenOver: prior.takenOver };
        return this.run(next, caller, key, prior.attempt, response);
      }),
    );
  }

  private run(
    next: CallHandler,
    caller: string,
    key: string,
    attempt: number,
    response: Response,
  ): Observable<unknown> {
    const heartbeat = this.store.heartbeat(caller, key, attempt);
    // A caller that went away may retry: its retry takes the key over after one lease and re-attaches to the action.
    response.once('close', () => void heartbeat.stop());
    // Renewals end before the answer is stored or the key freed (stop waits for one under way).
    const settled = (settle: () => Promise<void>): Promise<void> =>
      heartbeat.stop().then(() => this.tolerate(settle, key));
    return next.handle().pipe(
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
        const settle = isFinal(status)
          ? () => this.store.complete(caller, key, attempt, status, (error as HttpException).getResponse())
          : () => this.store.release(caller, key, attempt);
        return from(settled(settle)).pipe(concatMap(() => throwError(() => error)));
      }),
      // After catchError: a failure to store a success must not turn it into an error.
      concatMap((body) => {
        const status = response.statusCode;
        // A 202 whose outcome is not known yet frees the key like a 5xx: Temporal may still lose that update
        // (a server restart), and a replayed 202 would point the caller at it forever; the retry re-sends it.
        const settle =
          body instanceof ActionPending && !body.durable
            ? () => this.store.release(caller, key, attempt)
            : () => this.store.complete(caller, key, attempt, status, body);
        return from(settled(settle).then(() => body));
      }),
      finalize(() => void heartbeat.stop()), // also when unsubscribed before an answer
    );
  }

  /**
   * The action's answer stands even when it cannot be stored. The key then stays claimed — a retry takes it over
   * after its lease — and the answer is stored in the background once PostgreSQL is back (issue 10 item 9, drill
   * 4: no key stays `in_progress` past its lease after an outage). The write is fenced by `attempt`, so a late
   * one never touches a successor's claim.
   */
  private async tolerate(settle: () => Promise<void>, key: string): Promise<void> {
    try {
      await settle();
    } catch (error) {
      this.logger.warn(
        `could not store the outcome under ${IDEMPOTENCY_HEADER} '${key}' (retrying in the ` +
          `background; a retry takes the key over after its lease): ${(error as Error)?.message ?? error}`,
      );
      this.settleLater(settle, key, Date.now(), 0);
    }
  }

  private settleLater(settle: () => Promise<void>, key: string, since: number, tries: number): void {
    const delay = Math.min(BACKGROUND_SETTLE_MAX_DELAY_MS, BACKGROUND_SETTLE_FIRST_DELAY_MS * 2 ** tries);
    if (Date.now() + delay - since > BACKGROUND_SETTLE_FOR_MS) {
      this.logger.warn(
        `gave up storing the outcome under ${IDEMPOTENCY_HEADER} '${key}'; a retry takes the key over after its lease`,
      );
      return;
    }
    const retry = (): void => {
      settle().then(
        () => this.logger.log(`stored the outcome under ${IDEMPOTENCY_HEADER} '${key}' after ${tries + 2} tries`),
        () => this.settleLater(settle, key, since, tries + 1),
      );
    };
    setTimeout(retry, delay).unref(); // never keeps a stopping API alive
  }
}

const keyReused = (key: string): ApiError =>
  new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'idempotency_key_reused',
    text('errors.idempotencyKeyReused', { header: IDEMPOTENCY_HEADER, key }),
    [{ field: IDEMPOTENCY_HEADER, message: text('errors.idempotencyKeyReusedHint') }],
  );

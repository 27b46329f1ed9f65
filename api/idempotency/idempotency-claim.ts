import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { idempotentCaseIdFor, idempotentUpdateIdFor } from './update-id';

/** A state-changing request's `Idempotency-Key`, as the idempotency interceptor claimed it for the caller. */
export interface IdempotencyClaim {
  /** The caller the key belongs to (`role:subject`). */
  caller: string;
  key: string;
  /** The key was taken over from an earlier request whose lease ran out: it may have sent the action already. */
  takenOver: boolean;
}

/** Where the interceptor leaves the claim on the request, for {@link Idempotency} to hand to the route. */
export interface IdempotentRequest {
  idempotency?: IdempotencyClaim;
}

/**
 * The request's {@link IdempotencyClaim}; undefined without an `Idempotency-Key`. Route arguments are read after the
 * interceptors ran, so the claim is there when the route gets it — and it is passed on as an argument from there.
 */
export const Idempotency = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotencyClaim | undefined =>
    context.switchToHttp().getRequest<IdempotentRequest>().idempotency,
);

/**
 * The Temporal update id of an action: derived from the claim, so Temporal applies a retried action once even when
 * the API lost the first response before storing it; without a key, a fresh one.
 */
export const updateIdFor = (claim: IdempotencyClaim | undefined): string =>
  claim ? idempotentUpdateIdFor(claim.caller, claim.key) : randomUUID();

/** The caseId of a new filing: derived from the claim (a retry targets the same case), else random. */
export const caseIdFor = (claim: IdempotencyClaim | undefined): string =>
  claim ? idempotentCaseIdFor(claim.caller, claim.key) : randomUUID();

import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdempotencyKeysRepository } from '../../persistence/repositories/idempotency-keys.repository';
import { AppConfig } from '../config/app-config';
import { LeaseHeartbeat } from './lease-heartbeat';

/** A request seen before under the same caller and key. */
export type PriorRequest =
  | {
      state: 'new';
      /** Which owner of the key this request is (1 for the first claim): the fencing token of its writes. */
      attempt: number;
      /** The key was taken over from an earlier request whose lease ran out (it may have sent the action). */
      takenOver: boolean;
    }
  | {
      state: 'in_progress';
      sameRequest: boolean;
      /** Whole seconds (at least 1) until the owner's lease runs out and a retry may take the key over. */
      retryAfterSeconds: number;
    }
  | { state: 'completed'; sameRequest: boolean; status: number; response: unknown };

/** Pauses between the tries of storing an answer: a PostgreSQL blip of about a second is survived. */
const STORE_RETRY_DELAYS_MS = [100, 300, 600];

/**
 * Idempotency keys (`idempotency_keys`, one row per caller and key), claimed before the action runs. A claim is a lease
 * (`lease_expires_at`, `IDEMPOTENCY_LEASE_MS`) that the running request renews: while it runs, a retry is 409
 * `idempotency_in_progress`; once it has run out (the first request's process died, or its answer could not be
 * stored) the same request takes the key over. `attempt` numbers the owners, so a late owner never renews,
 * overwrites or frees its successor's claim.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Claims the key for this request (or takes over an expired claim of the same request), or tells what an earlier
   * request under it did.
   */
  async begin(caller: string, key: string, method: string, path: string, bodyHash: string): Promise<PriorRequest> {
    const attempt = await this.keys.claim({ caller, key, method, path, bodyHash }, this.config.IDEMPOTENCY_LEASE_MS);
    if (attempt !== undefined) return { state: 'new', attempt, takenOver: attempt > 1 };
    const prior = await this.keys.find(caller, key);
    if (!prior) return this.begin(caller, key, method, path, bodyHash); // released meanwhile: claim again
    const sameRequest = prior.method === method && prior.path === path && prior.bodyHash === bodyHash;
    return prior.status === null
      ? { state: 'in_progress', sameRequest, retryAfterSeconds: Math.max(1, Math.ceil(prior.leaseLeftMs / 1000)) }
      : { state: 'completed', sameRequest, status: prior.status, response: prior.response };
  }

  /**
   * Starts renewing the lease of owner `attempt` while its request runs (see {@link LeaseHeartbeat}); the caller
   * stops it before storing the answer or freeing the key.
   */
  heartbeat(caller: string, key: string, attempt: number): LeaseHeartbeat {
    const leaseMs = this.config.IDEMPOTENCY_LEASE_MS;
    const renew = (): Promise<boolean> => this.keys.renew(caller, key, attempt, leaseMs);
    return new LeaseHeartbeat(renew, leaseMs, `key '${key}'`);
  }

  /**
   * Keeps the response that later requests with the same key replay — if this request still owns the key.
   * Tried a few times over about a second; if PostgreSQL stays away it throws, and the key stays claimed until
   * its lease runs out (a retry then takes it over and re-attaches to the action).
   */
  async complete(caller: string, key: string, attempt: number, status: number, response: unknown): Promise<void> {
    await this.withRetries(() => this.keys.complete(caller, key, attempt, status, response));
  }

  /**
   * Frees the key after a failure worth retrying (5xx, 429), so the retry runs the action — if this request still
   * owns it.
   */
  async release(caller: string, key: string, attempt: number): Promise<void> {
    await this.withRetries(() => this.keys.release(caller, key, attempt));
  }

  private async withRetries(write: () => Promise<unknown>): Promise<void> {
    for (let i = 0; ; i += 1) {
      try {
        await write();
        return;
      } catch (error) {
        if (i >= STORE_RETRY_DELAYS_MS.length) throw error;
        await sleep(STORE_RETRY_DELAYS_MS[i]);
      }
    }
  }
}

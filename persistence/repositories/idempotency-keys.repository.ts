import type { Database } from './database';

/** The row of an earlier request under a (caller, key). */
export interface IdempotencyKeyRow {
  method: string;
  path: string;
  bodyHash: string;
  /** null while the request that owns the key runs. */
  status: number | null;
  response: unknown;
  /** How long the owner's lease still runs (0 once it ran out), by PostgreSQL's clock. */
  leaseLeftMs: number;
}

/** What identifies the request that claims a key. */
export interface IdempotentRequest {
  caller: string;
  key: string;
  method: string;
  path: string;
  bodyHash: string;
}

/**
 * The `idempotency_keys` table: one row per (caller, key). `attempt` numbers the owners of a key, and every write
 * of an owner is fenced by it, so a late owner never overwrites or frees its successor's claim.
 */
export class IdempotencyKeysRepository {
  constructor(private readonly db: Database) {}

  /**
   * Claims the key with a lease of `leaseMs`, or takes over an expired, unanswered claim of the same request.
   * Returns the claim's `attempt`, or undefined when the key is held (running, answered, or another request's).
   */
  async claim(request: IdempotentRequest, leaseMs: number): Promise<number | undefined> {
    const rows: Array<{ attempt: number }> = await this.db.query(
      `INSERT INTO idempotency_keys AS k (caller, key, method, path, body_hash, lease_expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond')
       ON CONFLICT (caller, key) DO UPDATE SET lease_expires_at = EXCLUDED.lease_expires_at, attempt = k.attempt + 1
         WHERE k.status IS NULL AND k.lease_expires_at <= now()
           AND k.method = EXCLUDED.method AND k.path = EXCLUDED.path AND k.body_hash = EXCLUDED.body_hash
       RETURNING attempt`,
      [request.caller, request.key, request.method, request.path, request.bodyHash, leaseMs],
    );
    return rows[0]?.attempt;
  }

  /** The key's row, if it has one. */
  async find(caller: string, key: string): Promise<IdempotencyKeyRow | undefined> {
    const rows: Array<{
      method: string;
      path: string;
      body_hash: string;
      status: number | null;
      response: unknown;
      lease_left_ms: number;
    }> = await this.db.query(
      // clock_timestamp(), not now(): now() is when this statement's transaction began, and a renewal that began
      // after that but committed before the row was read would leave more than a whole lease (Retry-After too long).
      `SELECT method, path, body_hash, status, response,
              greatest(0, extract(epoch FROM lease_expires_at - clock_timestamp()) * 1000)::float8 AS lease_left_ms
       FROM idempotency_keys WHERE caller = $1 AND key = $2`,
      [caller, key],
    );
    const [row] = rows;
    return (
      row && {
        method: row.method,
        path: row.path,
        bodyHash: row.body_hash,
        status: row.status,
        response: row.response,
        leaseLeftMs: row.lease_left_ms,
      }
    );
  }

  /**
   * Extends owner `attempt`'s lease to `leaseMs` from now, while it still holds the key unanswered (a request
   * that took the key over is another attempt, so a late owner never extends its successor's lease). Returns
   * whether it still holds it.
   */
  async renew(caller: string, key: string, attempt: number, leaseMs: number): Promise<boolean> {
    // A CTE, so the answer is rows (TypeORM answers a bare UPDATE with [rows, count]).
    const [{ renewed }]: Array<{ renewed: number }> = await this.db.query(
      `WITH renewed AS (
         UPDATE idempotency_keys SET lease_expires_at = now() + $4 * interval '1 millisecond'
         WHERE caller = $1 AND key = $2 AND attempt = $3 AND status IS NULL RETURNING 1)
       SELECT count(*)::int AS renewed FROM renewed`,
      [caller, key, attempt, leaseMs],
    );
    return renewed > 0;
  }

  /** Stores the answer of the key's owner `attempt`, if it still owns the key and has not answered. */
  async complete(caller: string, key: string, attempt: number, status: number, response: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status = $4, response = $5, completed_at = now()
       WHERE caller = $1 AND key = $2 AND attempt = $3 AND status IS NULL`,
      [caller, key, attempt, status, JSON.stringify(response ?? null)],
    );
  }

  /** Frees the key, if owner `attempt` still holds it unanswered. */
  async release(caller: string, key: string, attempt: number): Promise<void> {
    await this.db.query(
      'DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND attempt = $3 AND status IS NULL',
      [caller, key, attempt],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A request seen before under the same caller and key. */
export type PriorRequest =
  | { state: 'new' }
  | { state: 'in_progress'; sameRequest: boolean }
  | { state: 'completed'; sameRequest: boolean; status: number; response: unknown };

/** The `idempotency_keys` table: one row per (caller, key), claimed before the action runs. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for this request, or tells what an earlier request under it did. */
  async begin(caller: string, key: string, method: string, path: string, bodyHash: string): Promise<PriorRequest> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (caller, key, method, path, body_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (caller, key) DO NOTHING RETURNING key`,
      [caller, key, method, path, bodyHash],
    );
    if (claimed.length > 0) return { state: 'new' };
    const [prior]: Array<{ method: string; path: string; body_hash: string; status: number | null; response: unknown }> = await this.dataSource.query(
      'SELECT method, path, body_hash, status, response FROM idempotency_keys WHERE caller = $1 AND key = $2',
      [caller, key],
    );
    if (!prior) return this.begin(caller, key, method, path, bodyHash); // released meanwhile: claim again
    const sameRequest = prior.method === method && prior.path === path && prior.body_hash === bodyHash;
    return prior.status === null ? { state: 'in_progress', sameRequest } : { state: 'completed', sameRequest, status: prior.status, response: prior.response };
  }

  /** Keeps the response that later requests with the same key replay. */
  async complete(caller: string, key: string, status: number, response: unknown): Promise<void> {
    await this.dataSource.query('UPDATE idempotency_keys SET status = $3, response = $4, completed_at = now() WHERE caller = $1 AND key = $2', [
      caller, key, status, JSON.stringify(response ?? null),
    ]);
  }

  /** Frees the key after a failure worth retrying (5xx, 429), so the retry runs the action. */
  async release(caller: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND status IS NULL', [caller, key]);
  }
}

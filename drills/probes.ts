import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { DrillStack } from '../tooling/stacks/process-stack';

/**
 * Direct looks at the stack's state for the invariants, bypassing the API: PostgreSQL (read model, audit,
 * treasury instructions, idempotency keys) and Temporal (histories, queries, visibility). A fresh PostgreSQL
 * connection per query, so a connection from before drill 4's restart is never reused.
 */
export class Probes {
  private client: Client | undefined;

  constructor(private readonly stack: DrillStack) {}

  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const pg = new PgClient({ connectionString: this.stack.databaseUrl, connectionTimeoutMillis: 5_000 });
    await pg.connect();
    try {
      return (await pg.query(text, params)).rows as T[];
    } finally {
      await pg.end().catch(() => undefined);
    }
  }

  /** A Temporal client on the stack's server (its connection reconnects by itself after drill 3's restart). */
  async temporal(): Promise<Client> {
    this.client ??= new Client({ connection: await Connection.connect({ address: this.stack.temporalAddress }) });
    return this.client;
  }

  async close(): Promise<void> {
    await this.client?.connection.close().catch(() => undefined);
    this.client = undefined;
  }
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep key order, so snapshots are compared this way. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

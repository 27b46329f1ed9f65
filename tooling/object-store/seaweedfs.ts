import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port';
import { repoRoot } from '../../scripts/repo-root';
import { DocumentObjects, type ObjectStoreConnection } from '../../persistence/object-store/document-objects';
import { ManagedProcess, untilAlive } from '../processes/managed-process';

/** What scripts/provision.sh links: SeaweedFS built from its Go module. */
export const SEAWEEDFS_BINARY = join(repoRoot(), '.tools', 'weed');

/** The bucket of the documents, as the API's setting OBJECT_STORE_BUCKET defaults to. */
const DEFAULT_BUCKET = 'parkflow-documents';

/**
 * How long SeaweedFS may take to stop on SIGTERM before it is killed. `weed server` stops its volume server before its
 * filer, whose last flush of the metadata change log then retries for ever: an object it acknowledged is on disk
 * already (the store's tests read one back after such a stop), so the wait is kept short.
 */
export const SEAWEEDFS_STOP_GRACE_MS = 3_000;

/** SeaweedFS' services whose HTTP and gRPC ports are each given: nothing listens on a default port. */
const SERVICES = ['master', 'volume', 'filer', 's3'] as const;

/** Where and how a SeaweedFS runs. */
export interface SeaweedfsOptions {
  /** Its home: the data (`data/`), the identities (`s3.json`), the encryption key (`sse.key`). */
  dir: string;
  /** The S3 port (127.0.0.1); default a free one. */
  s3Port?: number;
  bucket?: string;
  /** The one identity allowed in (Admin on the bucket alone); default a random pair for this start. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** The environment it inherits (default this process's: the test's process mark goes with it). */
  env?: NodeJS.ProcessEnv;
  binary?: string;
}

/** A SeaweedFS ready to be spawned: its command line and environment, and how the API reaches it. */
export interface SeaweedfsLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  connection: ObjectStoreConnection;
}

/**
 * Prepares `weed server -s3` in `options.dir`: every port free (master, volume, filer, S3 and their gRPC ports; the
 * Iceberg and Lance side ports off), bound to 127.0.0.1 only; an identities file (owner-only) naming one identity with
 * Admin on the bucket and nothing else, so no anonymous caller gets in; server-side encryption on, with a key kept in
 * the directory (made once: the objects already written need it); no telemetry (it would call out by default).
 */
export async function seaweedfsLaunch(options: SeaweedfsOptions): Promise<SeaweedfsLaunch> {
  const binary = options.binary ?? SEAWEEDFS_BINARY;
  if (!existsSync(binary)) throw new Error(`${binary} is missing: npm run provision builds SeaweedFS (needs Go)`);
  const bucket = options.bucket ?? DEFAULT_BUCKET;
  const credentials = options.credentials ?? {
    accessKeyId: `parkflow-${randomBytes(6).toString('hex')}`,
    secretAccessKey: randomBytes(24).toString('base64url'),
  };
  const [data, master] = [join(options.dir, 'data'), join(options.dir, 'master')];
  for (const each of [data, master]) mkdirSync(each, { recursive: true });
  const identities = join(options.dir, 's3.json');
  writeOwnerOnly(identities, JSON.stringify(identitiesConfig(bucket, credentials), null, 2));
  const s3Port = options.s3Port ?? (await freePort());
  const args = ['server', '-s3', '-filer', `-dir=${data}`, '-ip=127.0.0.1', '-ip.bind=127.0.0.1'];
  args.push('-master.telemetry=false', `-s3.config=${identities}`, '-s3.port.iceberg=0', '-s3.port.lance=0');
  args.push('-volume.preStopSeconds=0'); // one node, nothing to drain: SIGTERM stops it at once, not after 10 s
  // One master, whose ports may change between starts (npm run dev's are free ones): it starts a fresh Raft state each
  // time, in one place, and learns the volumes and the highest file key from the volume server, as it does anyway.
  args.push(`-master.dir=${master}`, '-master.resumeState=false');
  for (const service of SERVICES) {
    const port = service === 's3' ? s3Port : await freePort();
    args.push(`-${service}.port=${port}`, `-${service}.port.grpc=${await freePort()}`);
  }
  const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...inherited } = options.env ?? process.env;
  return {
    command: binary,
    args,
    // SeaweedFS would add an admin identity of its own from AWS_* variables: only the identities file counts.
    env: { ...inherited, WEED_S3_SSE_KEY: encryptionKey(options.dir) },
    connection: {
      OBJECT_STORE_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      OBJECT_STORE_REGION: 'us-east-1',
      OBJECT_STORE_BUCKET: bucket,
      OBJECT_STORE_ACCESS_KEY_ID: credentials.accessKeyId,
      OBJECT_STORE_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      OBJECT_STORE_SSE: 'AES256',
    },
  };
}

/** SeaweedFS' identities file (`-s3.config`): one identity, every action on the bucket alone. */
function identitiesConfig(bucket: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  return {
    identities: [
      {
        name: 'parkflow-api',
        credentials: [{ accessKey: credentials.accessKeyId, secretKey: credentials.secretAccessKey }],
        actions: ['Admin', 'Read', 'List', 'Tagging', 'Write'].map((action) => `${action}:${bucket}`),
      },
    ],
  };
}

/** The SSE-S3 key of the store in `dir` (SeaweedFS derives its key-encryption key from it), made on first use. */
function encryptionKey(dir: string): string {
  const file = join(dir, 'sse.key');
  if (!existsSync(file)) writeOwnerOnly(file, randomBytes(32).toString('hex'));
  return readFileSync(file, 'utf8').trim();
}

function writeOwnerOnly(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its mode on write
}

/**
 * Resolves true once the store takes a write: the bucket exists (created, private, when missing) and a probe object,
 * written with the store's encryption, is stored and removed. Until then (volumes still being allocated, the filer
 * not yet connected) false: the caller polls it within its bound.
 */
export async function takesWrites(connection: ObjectStoreConnection): Promise<boolean> {
  const objects = new DocumentObjects(connection);
  try {
    await objects.ensureBucket();
    const probe = `readiness-probe-${randomUUID()}`;
    const bytes = Buffer.from('probe');
    await objects.put(probe, bytes, 'text/plain', createHash('sha256').update(bytes).digest('hex'));
    await objects.remove(probe);
    return true;
  } catch {
    return false;
  } finally {
    objects.close();
  }
}

/** A SeaweedFS started for a stack or a test. */
export interface SeaweedfsService {
  readonly process: ManagedProcess;
  /** How the API reaches it: also the API's `OBJECT_STORE_*` environment, as it is. */
  readonly connection: ObjectStoreConnection;
  /** (Re)starts it on the same data and ports; resolves once it takes writes. */
  start(): Promise<void>;
  /** Stops its process group (SIGTERM, then SIGKILL after {@link SEAWEEDFS_STOP_GRACE_MS}). */
  stop(): Promise<void>;
}

/**
 * Starts SeaweedFS in `options.dir` (see {@link seaweedfsLaunch}) as its own process group, logging to
 * `<dir>/seaweedfs.log`, and waits until it takes writes (bounded; failing at once, with the log, if it exits).
 */
export async function startSeaweedfs(options: SeaweedfsOptions): Promise<SeaweedfsService> {
  const launch = await seaweedfsLaunch(options);
  const child = new ManagedProcess(
    'seaweedfs',
    launch.command,
    launch.args,
    () => launch.env,
    join(options.dir, 'seaweedfs.log'),
    options.dir,
  );
  const service: SeaweedfsService = {
    process: child,
    connection: launch.connection,
    async start() {
      child.start();
      await untilAlive(child, 'SeaweedFS to take a write', () => takesWrites(launch.connection));
    },
    stop: () => child.stop(SEAWEEDFS_STOP_GRACE_MS),
  };
  try {
    await service.start();
  } catch (error) {
    await child.killGroup();
    throw error;
  }
  return service;
}

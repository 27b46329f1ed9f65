import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DocumentObjects, s3ClientOf } from '../../persistence/object-store/document-objects';
import { OBJECT_STORE, ObjectStoreUnavailable } from '../../persistence/object-store/object-store-errors';
import { startSeaweedfs, type SeaweedfsService } from '../../tooling/object-store/seaweedfs';

/**
 * The document store (issue 25) against a real SeaweedFS (`weed server -s3`, .tools/weed from npm run provision):
 * what the API relies on — a 20 MB document in and out unchanged (multipart), encrypted at rest, listed for the sweep,
 * removed, never served to an anonymous caller, and one error naming the store when it is down.
 */
let dir: string;
let store: SeaweedfsService;
let objects: DocumentObjects;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkflow-object-store-'));
  store = await startSeaweedfs({ dir });
  objects = new DocumentObjects(store.connection);
});
afterAll(async () => {
  objects?.close();
  await store?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every byte SeaweedFS keeps on disk (its volumes, the filer's and the master's stores, its log). */
function bytesOnDisk(from = dir): Buffer {
  return Buffer.concat(
    readdirSync(from, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? bytesOnDisk(join(from, entry.name)) : readFileSync(join(from, entry.name)),
    ),
  );
}

/** 20 MB of random bytes with a marker in front, to look for on disk. */
function document(marker: string): Buffer {
  return Buffer.concat([Buffer.from(marker.repeat(64)), randomBytes(20 * 1024 * 1024)]);
}

describe('the document store on SeaweedFS', () => {
  it('stores a 20 MB document (multipart) and streams it back unchanged, with its length, type and hash', async () => {
    const key = randomUUID();
    const bytes = document(`parkflow-plain-${randomUUID()}`);
    await objects.put(key, bytes, 'application/pdf', sha256(bytes));

    const opened = await objects.open(key);
    expect(opened).toMatchObject({ length: bytes.length, contentType: 'application/pdf', sha256: sha256(bytes) });
    const back = await readAll(opened!.body);
    expect(back.length).toBe(bytes.length);
    expect(sha256(back)).toBe(sha256(bytes));
  });

  it('encrypts every object at rest (SSE-S3, AES256): its files never hold the plain bytes', async () => {
    const key = randomUUID();
    const marker = `parkflow-secret-${randomUUID()}`;
    await objects.put(key, document(marker), 'application/pdf', sha256(Buffer.from(marker)));
    const small = randomUUID();
    await objects.put(small, Buffer.from(marker.repeat(8)), 'image/png', sha256(Buffer.from(marker)));

    const { OBJECT_STORE_BUCKET: bucket } = store.connection;
    const client = s3ClientOf(store.connection);
    try {
      for (const each of [key, small]) {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: each }));
        expect(head.ServerSideEncryption).toBe('AES256');
      }
    } finally {
      client.destroy();
    }
    expect(bytesOnDisk().includes(marker)).toBe(false);
  });

  it('lists what it holds (for the sweep), and a removed object is gone: not listed, not opened', async () => {
    const keys = [randomUUID(), randomUUID()];
    for (const key of keys) await objects.put(key, Buffer.from(key), 'text/plain', sha256(Buffer.from(key)));
    const listed = async (): Promise<Map<string, Date>> => {
      const seen = new Map<string, Date>();
      for await (const item of objects.list()) seen.set(item.key, item.lastModified);
      return seen;
    };
    const before = await listed();
    for (const key of keys) expect(before.get(key)).toBeInstanceOf(Date);

    await objects.remove(keys[0]);
    await objects.remove(keys[0]); // removing twice is no error (a sweep racing a retry)
    const after = await listed();
    expect(after.has(keys[0])).toBe(false);
    expect(after.has(keys[1])).toBe(true);
    expect(await objects.open(keys[0])).toBeUndefined();
  });

  it('serves nobody without the credentials: an anonymous read or write is refused', async () => {
    const key = randomUUID();
    await objects.put(key, Buffer.from('private'), 'text/plain', sha256(Buffer.from('private')));
    const url = `${store.connection.OBJECT_STORE_ENDPOINT}/${store.connection.OBJECT_STORE_BUCKET}/${key}`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(`${url}-new`, { method: 'PUT', body: 'x' })).status).toBe(403);
    expect(
      (await fetch(`${store.connection.OBJECT_STORE_ENDPOINT}/${store.connection.OBJECT_STORE_BUCKET}`)).status,
    ).toBe(403);
  });

  it('names the object store in one error when it is down, and works again once it is back', async () => {
    const kept = randomUUID();
    await objects.put(kept, Buffer.from('kept'), 'text/plain', sha256(Buffer.from('kept')));
    await store.stop();
    const unavailable = expect.objectContaining({ name: 'ObjectStoreUnavailable', store: OBJECT_STORE });
    await expect(objects.ping()).rejects.toEqual(unavailable);
    await expect(objects.put(randomUUID(), Buffer.from('x'), 'text/plain', sha256(Buffer.from('x')))).rejects.toEqual(
      unavailable,
    );
    await expect(objects.open(kept)).rejects.toEqual(unavailable);
    await expect(objects.remove(kept)).rejects.toEqual(unavailable);
    await expect(objects.list()[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(ObjectStoreUnavailable);

    await store.start();
    await objects.ping();
    const opened = await objects.open(kept);
    expect((await readAll(opened!.body)).toString()).toBe('kept');
  });
});

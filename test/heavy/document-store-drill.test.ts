import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentSweepActivities } from '../../activities/documents/document-sweep.activities';
import { DocumentObjects, type UnfinishedUpload } from '../../persistence/object-store/document-objects';
import { eventually } from '../../tooling/eventually';
import { pdf } from '../../tooling/fixtures/documents';
import { leftBehind, sha256, uploadDocument } from '../../tooling/http/document-uploads';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startSeaweedfs, type SeaweedfsService } from '../../tooling/object-store/seaweedfs';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 25 item 5, the drill: the object store is killed (SIGKILL) while a 20 MB paper is on its way into it. The API
 * answers 503 naming `object_store`; nothing is half-written — no `case_documents` row, no `document_attached` in the
 * case's history; and once the store is back, the sweep leaves neither an object nor an unfinished upload behind.
 * Between the API and SeaweedFS runs a gate (a TCP proxy) that holds the upload once its first megabyte has reached the
 * store, so the kill lands mid-upload however fast the machine is. A database of its own: the sweep sees every row.
 */
const FIRST_BYTES = 1024 * 1024;
let storeDir: string;
let store: SeaweedfsService;
let database: OwnDatabase;
let gate: UploadGate;
let stack: Stack;
let driver: HttpDriver;

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'parkflow-store-drill-'));
  [store, database] = await Promise.all([startSeaweedfs({ dir: storeDir }), createOwnDatabase('store_drill')]);
  gate = await uploadGate(Number(new URL(store.connection.OBJECT_STORE_ENDPOINT).port));
  stack = await startStack({
    env: { ...store.connection, OBJECT_STORE_ENDPOINT: gate.url, DATABASE_URL: database.url },
  });
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
  await gate?.close();
  await store?.stop();
  await database?.drop();
  rmSync(storeDir, { recursive: true, force: true });
});

/** The API's way to the store, which can hold what goes to the store once enough of it has passed. */
interface UploadGate {
  url: string;
  /** From now on, holds every byte to the store after the next `bytes` (the connections stay open, silent). */
  holdAfter(bytes: number): void;
  /** True once the gate holds: that many bytes reached the store. */
  readonly holding: boolean;
  /** Lets bytes through again. */
  release(): void;
  close(): Promise<void>;
}

async function uploadGate(storePort: number): Promise<UploadGate> {
  const sockets = new Set<Socket>();
  const paused = new Set<Socket>();
  let allowance = Number.POSITIVE_INFINITY;
  let holding = false;
  const server: Server = createServer((client) => {
    const upstream = connect(storePort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      // One end gone (the store killed, the SDK giving up): the other goes too, as a broken connection does.
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (holding) {
        client.pause();
        paused.add(client);
        client.unshift(chunk); // kept for release; never reaches the store while held
        return;
      }
      upstream.write(chunk);
      allowance -= chunk.length;
      holding = allowance <= 0;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    holdAfter: (bytes) => void (allowance = bytes),
    get holding() {
      return holding;
    },
    release() {
      [allowance, holding] = [Number.POSITIVE_INFINITY, false];
      for (const socket of paused) socket.resume();
      paused.clear();
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

async function unfinishedUploads(objects: DocumentObjects): Promise<UnfinishedUpload[]> {
  const uploads: UnfinishedUpload[] = [];
  for await (const upload of objects.unfinishedUploads()) uploads.push(upload);
  return uploads;
}

const attachedIn = async (caseId: string): Promise<string[]> =>
  (await driver.ok('GET', `/v1/cases/${caseId}/history`, { token: driver.municipal() })).items
    .filter((entry: any) => entry.action === 'document_attached')
    .map((entry: any) => entry.details.documentId);

it('the store killed mid-upload: 503 naming object_store, nothing recorded; the sweep leaves nothing', async () => {
  const caseId = await driver.file();
  const paper = Buffer.concat([pdf('渝北区人力资源服务产业园可行性报告'), randomBytes(20 * 1024 * 1024 - 1024)]);
  gate.holdAfter(FIRST_BYTES);
  const answer = uploadDocument(stack.baseUrl, driver.districtToken(), caseId, paper, {
    purpose: 'feasibility_report',
  });
  await eventually(() => gate.holding, 'the paper’s first megabyte to reach the store', 300_000);
  store.process.kill9();
  await store.process.exited();
  gate.release();

  const refused = await answer;
  expect({ status: refused.status, body: refused.body }).toMatchObject({
    status: 503,
    body: { error: 'dependency_unavailable', details: [{ field: 'object_store' }] },
  });
  const rows = await stack.dataSource.query('SELECT status FROM case_documents WHERE case_id = $1', [caseId]);
  expect(rows).toEqual([]);

  await store.start();
  const objects = new DocumentObjects(store.connection);
  try {
    const unfinished = await unfinishedUploads(objects);
    const report = await createDocumentSweepActivities({
      dataSource: stack.dataSource,
      objects,
      graceMs: 0, // nothing else is in flight: whatever the kill left is stale
    }).sweepStrayDocuments();
    process.stdout.write(
      `[drill] the kill left ${unfinished.length} unfinished upload(s); sweep: ${JSON.stringify(report)}\n`,
    );
    expect(await leftBehind(stack.dataSource, store, caseId)).toEqual({ rows: 0, objects: 0 });
    expect(await unfinishedUploads(objects)).toEqual([]);
    const recorded = await stack.dataSource.query(
      `SELECT object_key AS "objectKey" FROM document_sweep_removals WHERE reason = 'unfinished_upload'`,
    );
    expect(recorded).toEqual(expect.arrayContaining(unfinished.map(({ key }) => ({ objectKey: key }))));
  } finally {
    objects.close();
  }

  // The store back, an upload goes through; the case's history names it alone: the killed one was never attached.
  const letter = pdf('渝北府函〔2026〕12号');
  const uploaded = await uploadDocument(stack.baseUrl, driver.districtToken(), caseId, letter);
  expect(uploaded).toMatchObject({ status: 201, body: { sha256: sha256(letter) } });
  await eventually(async () => (await attachedIn(caseId)).length > 0, 'the paper in the case’s history');
  expect(await attachedIn(caseId)).toEqual([uploaded.body.documentId]);
});

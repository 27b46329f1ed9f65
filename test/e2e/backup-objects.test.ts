import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DocumentObjects } from '../../persistence/object-store/document-objects';
import { verifyDumps, type BackupManifest } from '../../scripts/backup-manifest';
import { copyObjects, putBackObjects } from '../../scripts/backup-objects';
import { pdf, png } from '../../tooling/fixtures/documents';
import { sha256 } from '../../tooling/http/document-uploads';
import { startSeaweedfs, type SeaweedfsService } from '../../tooling/object-store/seaweedfs';

/**
 * Issue 25 item 5, backups include the bucket: `npm run backup` copies every object of the documents' bucket with its
 * key and SHA-256 (scripts/backup-objects.ts), and `npm run restore` puts back those the bucket lacks, unchanged —
 * against a real SeaweedFS. (The whole path, databases included, is the cluster's restore drill.)
 */
let dir: string;
let store: SeaweedfsService;
let objects: DocumentObjects;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkflow-backup-objects-'));
  store = await startSeaweedfs({ dir: join(dir, 'store') });
  objects = new DocumentObjects(store.connection);
});
afterAll(async () => {
  objects?.close();
  await store?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

it('copies every paper with its key and SHA-256, and puts back unchanged the ones the bucket lost', async () => {
  const papers = [
    { key: `documents/${randomUUID()}`, bytes: pdf('渝北府函〔2026〕12号'), contentType: 'application/pdf' },
    { key: `documents/${randomUUID()}`, bytes: png(), contentType: 'image/png' },
  ];
  for (const { key, bytes, contentType } of papers) await objects.put(key, bytes, contentType, sha256(bytes));
  const backup = mkdtempSync(join(dir, 'backup-')); // npm run backup's <root>/<UTC time>.partial/
  const logged: string[] = [];
  const entries = await copyObjects(objects, backup, (line) => logged.push(line));
  expect(entries.sort((a, b) => a.key.localeCompare(b.key))).toEqual(
    papers
      .map(({ key, bytes, contentType }) => ({
        key,
        file: expect.any(String),
        bytes: bytes.length,
        sha256: sha256(bytes),
        contentType,
      }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  );
  expect(logged).toEqual([]); // every object's bytes match the SHA-256 it was stored with
  await expect(
    verifyDumps(backup, { dumps: [], objects: entries } as unknown as BackupManifest),
  ).resolves.toBeUndefined();

  const [lost, kept] = papers;
  await objects.remove(lost.key);
  expect(await putBackObjects(objects, backup, entries)).toBe(1);
  for (const { key, bytes, contentType } of [lost, kept]) {
    const opened = await objects.open(key);
    expect({ contentType: opened?.contentType, sha256: opened?.sha256 }).toEqual({
      contentType,
      sha256: sha256(bytes),
    });
    expect(sha256(await readAll(opened!.body))).toBe(sha256(bytes));
  }
  expect(await putBackObjects(objects, backup, entries)).toBe(0); // a second restore puts nothing twice
});

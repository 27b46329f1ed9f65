import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { DocumentObjects } from '../persistence/object-store/document-objects';

/** Where a backup keeps the documents' bytes: `objects/<n>`, one file per object (keys are not file names). */
export const OBJECTS_DIR = 'objects';

/** One object of the documents' bucket in a backup: its key, its file, its size and SHA-256, its content type. */
export interface ObjectEntry {
  key: string;
  file: string;
  bytes: number;
  sha256: string;
  contentType: string;
}

/**
 * Copies every object of the bucket into `<dir>/objects/`, hashing each on the way (issue 25: a backup includes the
 * papers). An object whose bytes differ from the SHA-256 it was stored with is copied as it is and named to `log`:
 * the manifest holds what was read, the warning says the store holds a damaged paper.
 */
export async function copyObjects(
  objects: DocumentObjects,
  dir: string,
  log: (line: string) => void,
): Promise<ObjectEntry[]> {
  mkdirSync(join(dir, OBJECTS_DIR), { mode: 0o700 });
  const keys: string[] = [];
  for await (const { key } of objects.list()) keys.push(key);
  const entries: ObjectEntry[] = [];
  for (const key of keys) {
    const opened = await objects.open(key);
    if (!opened) continue; // removed since it was listed (a refused upload, the sweep): no paper to keep
    const file = join(OBJECTS_DIR, String(entries.length + 1));
    const hash = createHash('sha256');
    let bytes = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(opened.body, hashing, createWriteStream(join(dir, file), { mode: 0o600 }));
    const sha256 = hash.digest('hex');
    if (opened.sha256 !== undefined && opened.sha256 !== sha256)
      log(`warning: object ${key} has SHA-256 ${sha256}, it was stored with ${opened.sha256}: copied as it is`);
    entries.push({ key, file, bytes, sha256, contentType: opened.contentType ?? 'application/octet-stream' });
  }
  return entries;
}

/**
 * Puts back every object of the backup that the bucket lacks (the bucket made when missing), with its content type and
 * SHA-256; objects the bucket has are left as they are. The files were checked against the manifest before (see
 * backup-manifest.ts `verifyDumps`). Answers how many were put back.
 */
export async function putBackObjects(objects: DocumentObjects, dir: string, entries: ObjectEntry[]): Promise<number> {
  await objects.ensureBucket();
  const present = new Set<string>();
  for await (const { key } of objects.list()) present.add(key);
  const missing = entries.filter((entry) => !present.has(entry.key));
  for (const entry of missing)
    await objects.put(entry.key, readFileSync(join(dir, entry.file)), entry.contentType, entry.sha256);
  return missing.length;
}

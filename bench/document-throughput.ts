/**
 * Throughput of the papers (issue 25, R-DOC-1): a 20 MB PDF uploaded through the API (`POST …/documents`: multipart
 * parsing, content check, SHA-256, the object store's multipart put with server-side encryption, the case's
 * `attachDocument` Update) and downloaded again through a signed link (the API streams it from the store), on one
 * stack in this process (dev server, PostgreSQL, SeaweedFS, one worker, the API). Each download is checked against the
 * upload's SHA-256. usage: npm run bench:documents -- [samples=10] [megabytes=20]
 */
import { createHash } from 'node:crypto';
import { pdf } from '../tooling/fixtures/documents';
import { uploadDocument } from '../tooling/http/document-uploads';
import { HttpDriver } from '../tooling/http/http-driver';
import { benchOnStack } from './bench-stack';
import { percentile } from './percentile';

const MB = 1024 * 1024;

/** A PDF of `megabytes` MB: the header the API checks, then filler a scan would be. */
const bigPdf = (megabytes: number): Buffer => {
  const head = pdf('bench');
  return Buffer.concat([head, Buffer.alloc(megabytes * MB - head.length, 0x20)]);
};

function line(label: string, bytes: number, samplesMs: number[]): string {
  const p50 = percentile(samplesMs, 50);
  const rate = (ms: number) => ((bytes / MB / ms) * 1000).toFixed(1);
  return (
    `${label.padEnd(26)} p50 ${p50.toFixed(0).padStart(5)} ms (${rate(p50)} MB/s)  ` +
    `best ${Math.min(...samplesMs).toFixed(0)} ms (${rate(Math.min(...samplesMs))} MB/s)  n=${samplesMs.length}`
  );
}

const samples = Number(process.argv[2] ?? 10);
const megabytes = Number(process.argv[3] ?? 20);

benchOnStack({ objectStore: true }, async (stack) => {
  const bytes = bigPdf(megabytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const driver = new HttpDriver(stack);
  const caseId = await driver.file();
  const uploads: number[] = [];
  const downloads: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    let started = performance.now();
    const upload = await uploadDocument(stack.baseUrl, driver.districtToken(), caseId, bytes, { purpose: 'other' });
    uploads.push(performance.now() - started);
    if (upload.status !== 201) throw new Error(`upload → ${upload.status}: ${JSON.stringify(upload.body)}`);
    const { downloadUrl } = await driver.ok('GET', `/v1/documents/${upload.body.documentId}`, {
      token: driver.municipal(),
    });
    started = performance.now();
    const content = Buffer.from(await (await fetch(`${stack.baseUrl}${downloadUrl}`)).arrayBuffer());
    downloads.push(performance.now() - started);
    if (createHash('sha256').update(content).digest('hex') !== sha256) throw new Error('the download differs');
  }
  console.log(`${megabytes} MB PDF, ${samples} samples, each download's SHA-256 equal to the upload's`);
  console.log(line('upload (API → store)', bytes.length, uploads));
  console.log(line('download (signed link)', bytes.length, downloads));
});

import { exe, ofd, pdf, polyglot, zip } from '../../tooling/fixtures/documents';
import { leftBehind, uploadDocument, type UploadOptions } from '../../tooling/http/document-uploads';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 25, R-DOC-1: what an upload refuses — too large, a type its content does not show, a body that is no form, a
 * paper the case refuses, the object store down — and that a refused upload leaves neither a row nor an object.
 */
const MAX_BYTES = 20 * 1024 * 1024;
let stack: Stack;
let driver: HttpDriver;
let caseId: string;
beforeAll(async () => {
  stack = await startStack({ objectStore: true });
  driver = new HttpDriver(stack);
  caseId = await driver.file();
});
afterAll(async () => {
  await stack?.teardown();
});

const upload = (bytes: Buffer, options?: UploadOptions, token = driver.districtToken()) =>
  uploadDocument(stack.baseUrl, token, caseId, bytes, options);
const nothingLeft = async (before: { rows: number; objects: number }) =>
  expect(await leftBehind(stack.dataSource, stack.objectStore!, caseId)).toEqual(before);

describe('an upload refused leaves nothing behind (R-DOC-1)', () => {
  it(`a file of 20 MB + 1 byte is 413 naming file; 20 MB exactly is taken`, async () => {
    const before = await leftBehind(stack.dataSource, stack.objectStore!, caseId);
    const tooLarge = await upload(Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES + 1 - pdf().length)]));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: 'payload_too_large', details: [{ field: 'file' }] });
    await nothingLeft(before);
    const largest = await upload(Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES - pdf().length)]));
    expect(largest).toMatchObject({ status: 201, body: { size: MAX_BYTES } });
  });

  it.each([
    ['an .exe renamed .pdf', () => exe(), 'setup.pdf'],
    ['a PDF polyglot that starts with a GIF', () => polyglot(), 'letter.pdf'],
    ['a plain ZIP named .ofd', () => zip({ 'Doc_0/Document.xml': '<Document/>' }), '函件.ofd'],
  ])('%s is 415 naming file, whatever its name and declared type', async (_name, bytes, fileName) => {
    const before = await leftBehind(stack.dataSource, stack.objectStore!, caseId);
    const refused = await upload(await bytes(), { fileName, declaredType: 'application/pdf' });
    expect(refused.status).toBe(415);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'R-DOC-1' })]);
    await nothingLeft(before);
  });

  it('a body that is no multipart form is 415; a form without a file or with an unknown purpose is 422', async () => {
    const json = await stack.call('POST', `/v1/cases/${caseId}/documents`, {
      token: driver.districtToken(),
      body: { purpose: 'other', file: 'JVBERi0=' },
    });
    expect(json).toMatchObject({ status: 415, body: { error: 'unsupported_media_type' } });
    const form = new FormData();
    form.append('purpose', 'other');
    const noFile = await fetch(`${stack.baseUrl}/v1/cases/${caseId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${driver.districtToken()}` },
      body: form,
    });
    expect(noFile.status).toBe(422);
    expect(((await noFile.json()) as { details: unknown[] }).details).toEqual([
      expect.objectContaining({ field: 'file' }),
    ]);
    const purpose = await upload(pdf(), { purpose: 'selfie' });
    expect(purpose.status).toBe(422);
    expect(purpose.body.details).toEqual([expect.objectContaining({ field: 'purpose', rule: 'R-DOC-1' })]);
  });

  it('a paper the case refuses (finance: receipts only) removes its object and its row', async () => {
    const before = await leftBehind(stack.dataSource, stack.objectStore!, caseId);
    const refused = await upload(await ofd(), { purpose: 'other' }, driver.finance());
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'purpose', rule: 'R-DOC-1' })]);
    await nothingLeft(before);
  });

  it('the object store stopped: 503 naming object_store, no row; the API stays ready; then uploads work', async () => {
    const store = stack.objectStore!;
    const before = await leftBehind(stack.dataSource, store, caseId);
    await store.stop();
    try {
      const refused = await upload(pdf());
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body).toMatchObject({ error: 'dependency_unavailable', details: [{ field: 'object_store' }] });
      const ready = await stack.call('GET', '/health/ready');
      expect(ready).toMatchObject({ status: 200, body: { checks: { object_store: { status: 'down' } } } });
    } finally {
      await store.start();
    }
    await nothingLeft(before);
    expect((await upload(pdf())).status).toBe(201);
  });
});

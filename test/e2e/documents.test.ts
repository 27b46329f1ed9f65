import { signLink } from '../../api/documents/document-link';
import { agencies } from '../../tooling/fixtures/applications';
import { pdf, png, rosterSheet } from '../../tooling/fixtures/documents';
import { sha256, uploadDocument, type UploadOptions } from '../../tooling/http/document-uploads';
import { HttpDriver, PANEL } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 25, R-DOC-1: papers uploaded to a case, listed with their versions, read and downloaded scoped as the case —
 * the download by a signed link without a bearer token, in the case's audit trail with the stored object's hash.
 */
const LINK_SECRET = 'e2e-document-link-secret-0123456789';
let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack({ objectStore: true, env: { DOCUMENT_LINK_SECRET: LINK_SECRET } });
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
});

const upload = (token: string, caseId: string, bytes: Buffer, options?: UploadOptions) =>
  uploadDocument(stack.baseUrl, token, caseId, bytes, options);

/** GETs a path without a token (as a browser tab opens a link): status, headers and the bytes. */
async function open(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${stack.baseUrl}${path}`);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('a paper uploaded, listed, read and downloaded (R-DOC-1)', () => {
  it('a district’s PDF judged by content, hashed, recorded; its download is its bytes, in the history', async () => {
    const caseId = await driver.file();
    const letter = pdf('渝北府函〔2026〕12号');
    const uploaded = await upload(driver.districtToken(), caseId, letter, { declaredType: 'application/octet-stream' });
    expect(uploaded.status).toBe(201);
    const { documentId } = uploaded.body;
    expect(uploaded.body).toEqual({
      documentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      purpose: 'district_government_letter',
      sha256: sha256(letter),
      size: letter.length,
      contentType: 'application/pdf',
      fileName: '渝北府函.pdf',
      uploadedBy: 'district-500112',
      uploadedAt: expect.any(String),
    });
    const listed = await driver.ok('GET', `/v1/cases/${caseId}/documents`, { token: driver.municipal() });
    expect(listed.items).toEqual([uploaded.body]);

    const detail = await driver.ok('GET', `/v1/documents/${documentId}`, { token: driver.districtToken() });
    expect(detail).toMatchObject({ ...uploaded.body, caseId });
    expect(Date.parse(detail.downloadExpiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const download = await open(detail.downloadUrl);
    expect(download.status).toBe(200);
    expect(sha256(download.bytes)).toBe(sha256(letter));
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-length')).toBe(String(letter.length));
    expect(download.headers.get('content-disposition')).toBe(
      `inline; filename="____.pdf"; filename*=UTF-8''%E6%B8%9D%E5%8C%97%E5%BA%9C%E5%87%BD.pdf`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'self'/);

    const history = await driver.ok('GET', `/v1/cases/${caseId}/history`, { token: driver.municipal() });
    const attached = history.items.find((entry: any) => entry.action === 'document_attached');
    expect(attached.details).toMatchObject({ documentId, sha256: sha256(letter), size: letter.length });
    const downloaded = history.items.filter((entry: any) => entry.action === 'document_downloaded');
    expect(downloaded).toEqual([
      expect.objectContaining({
        // issue 14 "Audit": the download's entry names who vouched for the officer, as every officer entry does
        actor: { id: 'district-500112', role: 'district', district: '500112', issuer: 'parkflow-development' },
        details: { documentId, purpose: 'district_government_letter', sha256: sha256(download.bytes) },
      }),
    ]);
  });

  it('a new version names the one it replaces; both stay, each pointing at the other', async () => {
    const caseId = await driver.file();
    const token = driver.districtToken();
    const first = (await upload(token, caseId, png(), { purpose: 'feasibility_report', fileName: 'v1.png' })).body;
    const second = await upload(token, caseId, pdf('v2'), {
      purpose: 'feasibility_report',
      replaces: first.documentId,
    });
    expect(second.status).toBe(201);
    expect(second.body.replaces).toBe(first.documentId);
    const { items } = await driver.ok('GET', `/v1/cases/${caseId}/documents`, { token });
    expect(items.map((d: any) => [d.documentId, d.contentType, d.replaces, d.replacedBy])).toEqual([
      [first.documentId, 'image/png', undefined, second.body.documentId],
      [second.body.documentId, 'application/pdf', first.documentId, undefined],
    ]);
    // A version must be of the same purpose, and of this case (the workflow's validator, R-DOC-1).
    const wrong = await upload(token, caseId, pdf(), { purpose: 'other', replaces: first.documentId });
    expect(wrong.status).toBe(422);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'replaces', rule: 'R-DOC-1' })]);
  });

  it('an XLSX agency roster is read at upload; a sheet without its header row is 422 naming file', async () => {
    const caseId = await driver.file();
    const roster = await rosterSheet(agencies(15));
    const options = { purpose: 'agency_roster', fileName: '入驻机构名录.xlsx' };
    const read = await upload(driver.districtToken(), caseId, roster, options);
    expect(read.status).toBe(201);
    expect(read.body.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const detail = await driver.ok('GET', `/v1/documents/${read.body.documentId}`, { token: driver.municipal() });
    expect((await open(detail.downloadUrl)).headers.get('content-disposition')).toMatch(/^attachment; /);
    const unreadable = await upload(driver.districtToken(), caseId, await rosterSheet([]), options);
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'R-DOC-1' })]);
  });
});

describe('an upload is an officer action: sent once under an Idempotency-Key', () => {
  it('a retry with the key replays the first answer; another file under it is 422; nothing more stored', async () => {
    const caseId = await driver.file();
    const form = (text: string) => {
      const body = new FormData();
      body.append('purpose', 'support_measure');
      body.append('file', new Blob([pdf(text)]), '扶持措施.pdf');
      return body;
    };
    const headers = { authorization: `Bearer ${driver.districtToken()}`, 'Idempotency-Key': `upload-${caseId}` };
    const send = (text = '渝北府发〔2026〕3号') =>
      fetch(`${stack.baseUrl}/v1/cases/${caseId}/documents`, { method: 'POST', headers, body: form(text) });
    const first = await send();
    const again = await send();
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(await again.json()).toEqual(await first.json());
    const another = await send('渝北府发〔2026〕4号');
    expect(another.status).toBe(422);
    expect(await another.json()).toMatchObject({ error: 'idempotency_key_reused' });
    const rows = await stack.dataSource.query('SELECT status FROM case_documents WHERE case_id = $1', [caseId]);
    expect(rows).toEqual([{ status: 'recorded' }]);
  });
});

describe('scoped as the case: a district its own, an expert the cases on their panel', () => {
  it('another district neither uploads, lists nor reads (404); nor does an expert off the panel', async () => {
    const caseId = await driver.file();
    for (const purpose of ['district_government_letter', 'feasibility_report', 'agency_roster']) {
      expect((await upload(driver.districtToken(), caseId, pdf(purpose), { purpose })).status).toBe(201);
    }
    await driver.underReview(caseId); // acceptance needs the three papers (R-DOC-1)
    const { documentId } = (await upload(driver.municipal(), caseId, pdf(), { purpose: 'other' })).body;
    const elsewhere = new HttpDriver(stack, '500103').districtToken();
    expect((await upload(elsewhere, caseId, pdf())).status).toBe(404);
    expect((await stack.call('GET', `/v1/cases/${caseId}/documents`, { token: elsewhere })).status).toBe(404);
    const hidden = await stack.call('GET', `/v1/documents/${documentId}`, { token: elsewhere });
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain(caseId);
    const offPanel = driver.expert('expert-off-the-panel');
    expect((await stack.call('GET', `/v1/documents/${documentId}`, { token: offPanel })).status).toBe(404);
    const onPanel = await driver.ok('GET', `/v1/documents/${documentId}`, { token: driver.expert(PANEL[0]) });
    expect((await open(onPanel.downloadUrl)).status).toBe(200);
    expect((await upload(driver.expert(PANEL[0]), caseId, pdf())).status).toBe(403); // experts upload nothing
  });

  it('a link altered or expired is 403, and its download is not in the history', async () => {
    const caseId = await driver.file();
    const { documentId } = (await upload(driver.districtToken(), caseId, pdf())).body;
    const { downloadUrl } = await driver.ok('GET', `/v1/documents/${documentId}`, { token: driver.municipal() });
    const forged = await stack.call('GET', downloadUrl.replace('role=municipal', 'role=finance'));
    expect(forged).toMatchObject({ status: 403, body: { error: 'link_invalid' } });
    const municipal = { id: 'municipal-officer', role: 'municipal' as const };
    const expired = signLink(Buffer.from(LINK_SECRET), documentId, municipal, Date.now() - 301_000).path;
    expect(await stack.call('GET', expired)).toMatchObject({ status: 403, body: { error: 'link_expired' } });
    const history = await driver.ok('GET', `/v1/cases/${caseId}/history`, { token: driver.municipal() });
    expect(history.items.filter((entry: any) => entry.action === 'document_downloaded')).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import type { DocumentPurpose } from '../../../workflows/definitions/documents';
import { pdf } from '../../../tooling/fixtures/documents';
import { documentForm } from '../../../tooling/http/document-uploads';
import type { HttpDriver } from '../../../tooling/http/http-driver';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** R-DOC-1: uploads a PDF for `purpose` with `token`; the paper's id, and the SHA-256 the case must record for it. */
export async function uploadPaper(
  driver: HttpDriver,
  caseId: string,
  token: string,
  purpose: DocumentPurpose,
): Promise<{ documentId: string; sha256: string }> {
  const bytes = pdf(`${purpose} of case ${caseId}`);
  const form = documentForm(bytes, { purpose, fileName: `${purpose}.pdf` });
  const paper = await driver.ok('POST', `/v1/cases/${caseId}/documents`, { token, form }, 201);
  expect(paper.sha256).toBe(sha256(bytes));
  return { documentId: paper.documentId, sha256: paper.sha256 };
}

/** The SHA-256 of a paper's bytes as `token`'s holder downloads them: the metadata's signed link, then its bytes. */
export async function downloadedSha256(driver: HttpDriver, documentId: string, token: string): Promise<string> {
  const { downloadUrl } = await driver.ok('GET', `/v1/documents/${documentId}`, { token });
  const content = await driver.stack.call('GET', downloadUrl);
  expect(content.status).toBe(200);
  return sha256(content.body as Buffer);
}

/**
 * Issue 25's proof: every paper the case's audit trail records was downloaded again, and its bytes' SHA-256 equals
 * the one the trail recorded — the trail proves which exact file each decision rested on.
 */
export async function expectEveryRecordedHashStored(driver: HttpDriver, caseId: string, token: string): Promise<void> {
  const history = await driver.ok('GET', `/v1/cases/${caseId}/history`, { token });
  const attached = history.items.filter((e: { action: string }) => e.action === 'document_attached');
  expect(attached.length).toBeGreaterThan(0);
  for (const { details } of attached)
    expect(await downloadedSha256(driver, details.documentId, token)).toBe(details.sha256);
}

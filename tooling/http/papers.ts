import type { DocumentPurpose } from '../../workflows/definitions/documents';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { pdf } from '../fixtures/documents';
import { documentForm } from './document-uploads';
import { appliedAfterAccepted, isAcceptedAction } from './accepted-actions';
import type { HttpStack } from './http-calls';

/** The multipart body of one upload: a small PDF standing for the paper of `purpose`. */
export const paperForm = (purpose: DocumentPurpose): FormData =>
  documentForm(pdf(purpose), { purpose, fileName: `${purpose}.pdf` });

/**
 * R-DOC-1: uploads the papers acceptance needs (the letter, the feasibility report, the roster) to `caseId` with
 * `token` (its district's), each a small PDF. Throws on any answer but 201, or a 202 followed to an outcome other than
 * applied.
 */
export async function uploadRequiredPapers(stack: HttpStack, caseId: string, token: string): Promise<void> {
  for (const purpose of DEFAULT_POLICY.documentsRequiredAtAcceptance) {
    const answer = await stack.call('POST', `/v1/cases/${caseId}/documents`, { token, form: paperForm(purpose) });
    if (isAcceptedAction(answer)) await appliedAfterAccepted(stack, answer, token);
    else if (answer.status !== 201)
      throw new Error(`upload of ${purpose} → ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

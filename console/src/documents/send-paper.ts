import type { DocumentPurpose } from '../../../workflows/definitions/documents';
import { ApiFailure, requestHeaders, type Schema } from '../api/client';
import type { CaseDocument } from '../api/document-queries';
import type { Sent } from '../actions/send-action';

/** The upload form's fields besides the file (api-contract `POST /v1/cases/{caseId}/documents`). */
export interface PaperFields {
  purpose: DocumentPurpose;
  /** The document of the same purpose this file is a new version of. */
  replaces?: string;
}

/** An upload that got no answer (the connection broke): the same Idempotency-Key may send it again safely. */
export class UploadLost extends Error {}

/**
 * Uploads one paper as `multipart/form-data` with its `Idempotency-Key`, reporting the share sent (0–100) as it goes:
 * an XMLHttpRequest, because `fetch` reports no upload progress. Answers as an officer action does — the paper
 * recorded (201), or accepted and still running (202, to be followed); a refusal throws {@link ApiFailure} with the
 * API's details (413, 415, 422 naming the field), a broken connection {@link UploadLost}.
 */
export function sendPaper(
  caseId: string,
  file: File,
  fields: PaperFields,
  idempotencyKey: string,
  onProgress: (percent: number) => void,
): Promise<Sent<CaseDocument>> {
  const form = new FormData();
  form.append('purpose', fields.purpose);
  if (fields.replaces) form.append('replaces', fields.replaces);
  form.append('file', file, file.name);
  const request = new XMLHttpRequest();
  request.open('POST', `${window.location.origin}/v1/cases/${encodeURIComponent(caseId)}/documents`);
  for (const [name, value] of Object.entries({ ...requestHeaders(), 'Idempotency-Key': idempotencyKey })) {
    request.setRequestHeader(name, value);
  }
  request.responseType = 'json';
  request.upload.onprogress = (event) => {
    if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
  };
  return new Promise((resolve, reject) => {
    request.onerror = () => reject(new UploadLost());
    request.onload = () => {
      const body: unknown = request.response;
      if (request.status === 202) {
        const pending = body as Schema<'ActionPendingView'>;
        resolve({ kind: 'pending', caseId: pending.caseId, updateId: pending.updateId });
      } else if (request.status >= 200 && request.status < 300) {
        resolve({ kind: 'done', data: body as CaseDocument });
      } else {
        const failure = body as Schema<'ErrorBodySchema'> | null;
        reject(new ApiFailure(request.status, failure?.message ?? request.statusText, failure ?? undefined));
      }
    };
    request.send(form);
  });
}

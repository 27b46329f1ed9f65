import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DocumentObjects } from '../../persistence/object-store/document-objects';
import type { SeaweedfsService } from '../object-store/seaweedfs';
import type { JsonAnswer } from './http-calls';

/** What an upload sends besides the bytes (R-DOC-1): the form's fields and the file's name and declared type. */
export interface UploadOptions {
  purpose?: string;
  replaces?: string;
  fileName?: string;
  /** The type the uploader declares for the file: the API ignores it. */
  declaredType?: string;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The `multipart/form-data` body of an upload, as a browser's form sends it. */
export function documentForm(
  bytes: Buffer,
  { purpose = 'district_government_letter', replaces, fileName = '渝北府函.pdf', declaredType }: UploadOptions = {},
): FormData {
  const form = new FormData();
  form.append('purpose', purpose);
  if (replaces !== undefined) form.append('replaces', replaces);
  form.append('file', new Blob([bytes], { type: declaredType ?? 'application/pdf' }), fileName);
  return form;
}

/** `POST /v1/cases/{caseId}/documents` with {@link documentForm}'s body. */
export async function uploadDocument(
  baseUrl: string,
  token: string,
  caseId: string,
  bytes: Buffer,
  options: UploadOptions = {},
): Promise<JsonAnswer> {
  const response = await fetch(`${baseUrl}/v1/cases/${caseId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: documentForm(bytes, options),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** What an upload may have left behind: the case's rows in `case_documents`, and the objects of the bucket. */
export async function leftBehind(
  dataSource: DataSource,
  store: SeaweedfsService,
  caseId: string,
): Promise<{ rows: number; objects: number }> {
  const [{ rows }] = await dataSource.query('SELECT count(*)::int AS rows FROM case_documents WHERE case_id = $1', [
    caseId,
  ]);
  const objects = new DocumentObjects(store.connection);
  try {
    let count = 0;
    for await (const _object of objects.list()) count += 1;
    return { rows, objects: count };
  } finally {
    objects.close();
  }
}

import type { DocumentRecord } from '../../persistence/repositories/case-documents.repository';
import type { CaseDocument } from '../../workflows/definitions/documents';
import type { DocumentView } from './document.view';

/** A paper as the API shows it: its record without the roster's rows or where its bytes are. */
export function toDocumentView(document: CaseDocument | DocumentRecord): DocumentView {
  const { documentId, purpose, sha256, size, contentType, fileName, replaces, uploadedBy, uploadedAt } = document;
  return {
    documentId,
    purpose,
    sha256,
    size,
    contentType,
    fileName,
    ...(replaces === undefined ? {} : { replaces }),
    uploadedBy: uploadedBy ?? '',
    uploadedAt: uploadedAt ?? '',
  };
}

/** A case's papers with their versions both ways: each names the one it replaces and the one that replaced it. */
export function withVersions(records: readonly DocumentRecord[]): DocumentView[] {
  const replacedBy = new Map(records.flatMap((r) => (r.replaces ? [[r.replaces, r.documentId] as const] : [])));
  return records.map((record) => {
    const later = replacedBy.get(record.documentId);
    return { ...toDocumentView(record), ...(later === undefined ? {} : { replacedBy: later }) };
  });
}

/**
 * `Content-Disposition` for a paper (RFC 6266 with RFC 5987's `filename*`): PDF and images open in the browser
 * (inline, e.g. in the console's preview frame), the rest download; the name in UTF-8, with an ASCII stand-in.
 */
export function contentDisposition(contentType: string, fileName: string): string {
  const type = contentType === 'application/pdf' || contentType.startsWith('image/') ? 'inline' : 'attachment';
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

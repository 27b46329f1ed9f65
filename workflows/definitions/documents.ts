import type { Agency } from './application';

/**
 * What an uploaded paper is for (api-contract `POST /v1/cases/{caseId}/documents`): the §5.1 application materials
 * (R-APP-1 letter, R-APP-2 report, R-APP-3 roster, R-APP-8 measures), the §5.3 yearly report and rectification
 * papers, and R-REF-1's bank slip.
 */
export const DOCUMENT_PURPOSES = [
  'district_government_letter',
  'feasibility_report',
  'agency_roster',
  'support_measure',
  'annual_report',
  'rectification_report',
  'refund_receipt',
  'other',
] as const;
export type DocumentPurpose = (typeof DOCUMENT_PURPOSES)[number];

/**
 * The file types a paper may have, judged by content: PDF, OFD (GB/T 33190, China's format for official electronic
 * documents), JPEG, PNG (scans) and XLSX (the roster as a spreadsheet).
 */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'application/ofd',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/**
 * The largest paper by default (api-contract: ≤ 20 MB): the API's `DOCUMENT_MAX_BYTES` unless configured, and what the
 * console checks before sending.
 */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** One row of an XLSX agency roster as read at upload: what R-DOC-1 compares with the application's `agencies`. */
export type RosterRow = Pick<Agency, 'name' | 'creditCode'>;

/**
 * A paper as the case records it: its identity and fingerprint, never its bytes. The SHA-256 in the audit trail
 * proves which exact file a decision rested on (R-DOC-1); a new version `replaces` an earlier one, which stays.
 */
export interface StoredDocument {
  /** A random UUID, the paper's name in the API (`GET /v1/documents/{documentId}`). */
  documentId: string;
  purpose: DocumentPurpose;
  /** Lower-case hex SHA-256 of the bytes as stored. */
  sha256: string;
  /** Bytes. */
  size: number;
  contentType: DocumentContentType;
  /** The file's name as the uploader's computer called it: shown, never trusted. */
  fileName: string;
  /** The document of the same case this one is a new version of. */
  replaces?: string;
  /** An XLSX `agency_roster`'s rows as read at upload (R-DOC-1); absent for any other paper. */
  roster?: RosterRow[];
}

/** A paper on the case: as stored, with who uploaded it and when (the policy date). */
export interface CaseDocument extends StoredDocument {
  uploadedBy: string;
  uploadedAt: string;
}

/**
 * The audit-trail action of a download (R-DOC-1: every download is in the case's history). The API writes it; it is
 * not a change of the case, so it has no version of its own.
 */
export const DOCUMENT_DOWNLOADED = 'document_downloaded';

/**
 * R-DOC-1: the purposes among `required` (the policy's `documentsRequiredAtAcceptance`) that no current paper of the
 * case has — a paper a later version replaces does not count, its replacement does.
 */
export function missingPurposes(
  documents: readonly CaseDocument[] | undefined,
  required: readonly DocumentPurpose[],
): DocumentPurpose[] {
  const replaced = new Set((documents ?? []).flatMap((d) => (d.replaces ? [d.replaces] : [])));
  const held = new Set((documents ?? []).filter((d) => !replaced.has(d.documentId)).map((d) => d.purpose));
  return required.filter((purpose) => !held.has(purpose));
}

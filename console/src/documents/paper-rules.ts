import type { TFunction } from 'i18next';
import {
  DEFAULT_DOCUMENT_MAX_BYTES,
  type DocumentContentType,
  type DocumentPurpose,
} from '../../../workflows/definitions/documents';
import { DEFAULT_POLICY } from '../../../workflows/definitions/policy';
import type { CaseDocument } from '../api/document-queries';

/**
 * The largest paper the console sends: the API's default `DOCUMENT_MAX_BYTES` (20 MB). Checked before sending, so an
 * officer is told at once instead of after minutes of upload; the API checks again (413) whatever its setting.
 */
export const MAX_PAPER_BYTES = DEFAULT_DOCUMENT_MAX_BYTES;
export const MAX_PAPER_MEGABYTES = MAX_PAPER_BYTES / 2 ** 20;

/** What the file chooser offers: the types the API accepts (it judges by content, R-DOC-1). */
export const PAPER_FILE_TYPES = '.pdf,.ofd,.jpg,.jpeg,.png,.xlsx';

/** The stages before acceptance, while R-DOC-1's papers decide whether the case can be accepted. */
const BEFORE_ACCEPTANCE: readonly string[] = ['submitted', 'returned'];
export const awaitsAcceptance = (stage: string): boolean => BEFORE_ACCEPTANCE.includes(stage);

/**
 * R-DOC-1: the papers acceptance needs (the policy's one list, `documentsRequiredAtAcceptance`) that the case has no
 * document for. The API decides (422 naming each, and a roster that disagrees with the filing); this says it early.
 */
export const missingPapers = (documents: readonly CaseDocument[]): DocumentPurpose[] =>
  DEFAULT_POLICY.documentsRequiredAtAcceptance.filter((purpose) => !documents.some((d) => d.purpose === purpose));

/** The short code the catalogue names each content type by. */
const TYPE_CODES: Record<DocumentContentType, 'pdf' | 'ofd' | 'jpeg' | 'png' | 'xlsx'> = {
  'application/pdf': 'pdf',
  'application/ofd': 'ofd',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
export const typeName = (contentType: DocumentContentType, t: TFunction): string =>
  t(`console.documents.types.${TYPE_CODES[contentType]}`);

/** How a paper is previewed in the browser: PDF in a frame, a scan as an image; OFD and XLSX are downloaded. */
export function previewKind(contentType: DocumentContentType): 'frame' | 'image' | undefined {
  if (contentType === 'application/pdf') return 'frame';
  return contentType.startsWith('image/') ? 'image' : undefined;
}

/** One decimal, as sizes are read. */
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** A size as read: bytes, KB or MB (binary units, as the limit is stated). */
export function sizeText(bytes: number, t: TFunction): string {
  if (bytes < 1024) return t('console.documents.sizes.bytes', { value: bytes });
  if (bytes < 2 ** 20) return t('console.documents.sizes.kilobytes', { value: oneDecimal(bytes / 1024) });
  return t('console.documents.sizes.megabytes', { value: oneDecimal(bytes / 2 ** 20) });
}

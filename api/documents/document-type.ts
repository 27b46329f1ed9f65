import type { DocumentContentType } from '../../workflows/definitions/documents';
import { children, xmlPart } from './xml-part';
import { openZip, type ZipArchive } from './zip-archive';

/** The content type of the main part of an XLSX workbook in `[Content_Types].xml` (ECMA-376, SpreadsheetML). */
const SPREADSHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Signatures at offset 0: PDF (ISO 32000 `%PDF-`), PNG, JPEG (SOI then a marker), ZIP (a local file header). */
const SIGNATURES: ReadonlyArray<[Buffer, DocumentContentType]> = [
  [Buffer.from('%PDF-', 'latin1'), 'application/pdf'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg'],
];
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A file's type as its content shows it; for the ZIP containers, the archive too (an XLSX roster is read from it). */
export interface SniffedDocument {
  contentType: DocumentContentType;
  zip?: ZipArchive;
}

const startsWith = (bytes: Buffer, signature: Buffer): boolean =>
  bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);

/** True when `[Content_Types].xml` declares a SpreadsheetML workbook (not a document, a deck or a macro workbook). */
async function declaresWorkbook(zip: ZipArchive): Promise<boolean> {
  try {
    const types = await xmlPart(zip, '[Content_Types].xml');
    return children(types?.Types, 'Override').some((override) => override['@ContentType'] === SPREADSHEET_MAIN);
  } catch {
    return false;
  }
}

/**
 * R-DOC-1: what a file is, judged by its bytes alone — never its name or the type its uploader declared. PDF, PNG and
 * JPEG by their signature at the very start (a polyglot that starts with anything else is none of them); the two ZIP
 * containers by a look inside: OFD (GB/T 33190) has `OFD.xml` at its root, XLSX a `[Content_Types].xml` naming a
 * SpreadsheetML workbook. Undefined for anything else (an `.exe`, a plain ZIP, a Word file, a damaged archive).
 */
export async function sniffDocument(bytes: Buffer): Promise<SniffedDocument | undefined> {
  const signed = SIGNATURES.find(([signature]) => startsWith(bytes, signature));
  if (signed) return { contentType: signed[1] };
  if (!startsWith(bytes, ZIP_SIGNATURE)) return undefined;
  const zip = await openZip(bytes);
  if (!zip) return undefined;
  if (zip.has('OFD.xml')) return { contentType: 'application/ofd', zip };
  if (await declaresWorkbook(zip))
    return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zip };
  return undefined;
}

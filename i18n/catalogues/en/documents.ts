import type { CatalogueOf } from '../../catalogue-shape';
import type { documents as reference } from '../zh-CN/documents';

export const documents: CatalogueOf<typeof reference> = {
  thing: 'document {{documentId}}',
  someThing: 'this document',
  notMultipart:
    'documents are uploaded as multipart/form-data (fields file, purpose and optionally replaces); ' +
    'got “{{contentType}}”',
  fileMissing: '{{field}}: attach one file (field name file)',
  oneFileOnly: '{{field}}: upload exactly one file, under the field name file',
  formField: '{{field}}: not an accepted form field, or too long (accepted: file, purpose, replaces)',
  tooLarge: '{{field}}: the file exceeds the limit of {{maxBytes, number}} bytes ({{maxMegabytes}} MB)',
  tooLargeSummary: 'the uploaded file is too large: at most {{maxMegabytes}} MB per document',
  typeNotAllowed:
    '{{field}}: the file’s content is not an allowed type (PDF, OFD, JPEG, PNG, XLSX); the type is judged by the ' +
    'content, whatever the file’s name or declared type ({{rule}})',
  typeNotAllowedSummary: 'file type not accepted: PDF, OFD, JPEG, PNG and XLSX only',
  rosterUnreadable: '{{field}}: the agency roster’s sheet cannot be read: {{reason}} ({{rule}})',
  rosterReasons: {
    notXlsx: 'the file is not a readable XLSX workbook',
    noHeader:
      'the first sheet has no header row naming both the name (名称, 机构名称 or name) and the unified social ' +
      'credit code (统一社会信用代码 or creditCode)',
    noRows: 'no agency below the header row',
    incompleteRow: 'row {{row}} lacks the name or the unified social credit code',
    tooManyRows: 'more than {{max}} agency rows',
  },
  objectStoreUnreachable: 'the object store cannot be reached',
  objectStoreDetail: 'the object store is unavailable: nothing was stored',
  linkExpired:
    'the download link has expired (links last {{minutes}} minutes); ' +
    'get a new one from GET /v1/documents/{{documentId}}',
  linkForged:
    'the download link is not valid (its signature does not match); get one from GET /v1/documents/{{documentId}}',
};

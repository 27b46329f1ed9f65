import type { CatalogueOf } from '../../catalogue-shape';
import type { consoleDocuments as reference } from '../zh-CN/console-documents';

export const consoleDocuments: CatalogueOf<typeof reference> = {
  title: 'Papers',
  empty: 'No papers have been uploaded to this case.',
  columns: {
    purpose: 'Paper',
    file: 'File (type, size)',
    uploaded: 'Uploaded by, when',
    sha256: 'SHA-256',
    actions: 'Actions',
  },
  facts: '{{type}} · {{size}}',
  types: { pdf: 'PDF', ofd: 'OFD document', jpeg: 'JPEG image', png: 'PNG image', xlsx: 'Excel workbook' },
  sizes: { bytes: '{{value, number}} bytes', kilobytes: '{{value}} KB', megabytes: '{{value}} MB' },
  at: '{{at, day}} {{time}}',
  superseded: 'Replaced by a newer version',
  newVersion: 'New version',
  shaCopy: 'Copy the full SHA-256',
  shaCopied: 'Copied',
  preview: 'Preview',
  download: 'Download',
  close: 'Close the preview',
  previewTitle: 'Preview: {{fileName}}',
  linkFailed: 'Could not get the download link of “{{fileName}}”: {{message}}',
  upload: {
    heading: 'Upload a paper',
    purpose: 'Paper',
    purposeHelp: 'Choose what the paper is first, then the file.',
    replaces: 'Replaces',
    replacesHelp: 'Optional: when this is a new version of a paper already uploaded, choose it; the old one stays.',
    choose: 'Choose a file and upload',
    limits:
      'PDF, OFD, JPEG, PNG or XLSX, at most {{maxMegabytes}} MB each; the type is judged by the content, not the name.',
    progress: 'Upload progress',
    uploading: 'Uploading “{{fileName}}”…',
    processing: '“{{fileName}}” is uploaded; the case is recording it…',
    done: 'Uploaded “{{fileName}}” and recorded it on the case.',
    tooLarge:
      '“{{fileName}}” is {{sizeMegabytes}} MB, above the limit of {{maxMegabytes}} MB per paper: not uploaded; ' +
      'compress or split it (R-DOC-1).',
    refused: '“{{fileName}}” was not uploaded: {{message}}',
    atField: '{{field}}: {{message}}',
    withRule: '{{text}} ({{rule}})',
    lost:
      'The connection broke while uploading “{{fileName}}” and no answer came; upload it again — it is never ' +
      'recorded twice.',
    stillRunning: '“{{fileName}}” is uploaded; the case is still recording it ({{updateId}}). Reload the page later.',
  },
  missing: {
    title: 'Acceptance will be refused until these papers are uploaded (R-DOC-1):',
    complete: 'The papers acceptance needs are all uploaded (R-DOC-1).',
  },
  attach: {
    lead: 'Papers are uploaded and read under the “Application” tab.',
    open: 'Go to the papers',
  },
};

import { sniffDocument } from '../../api/documents/document-type';
import { exe, jpeg, ofd, pdf, png, polyglot, xlsx, zip } from '../../tooling/fixtures/documents';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const typeOf = async (bytes: Buffer | Promise<Buffer>) => (await sniffDocument(await bytes))?.contentType;

describe('R-DOC-1: a paper’s type is judged by its content, never by its name', () => {
  it.each([
    ['a PDF', pdf(), 'application/pdf'],
    ['a PNG', png(), 'image/png'],
    ['a JPEG', jpeg(), 'image/jpeg'],
  ])('%s by its signature at the start', async (_name, bytes, type) => {
    expect(await typeOf(bytes)).toBe(type);
  });

  it('the two ZIP containers by a look inside: OFD.xml at the root, a SpreadsheetML workbook', async () => {
    expect(await typeOf(ofd())).toBe('application/ofd');
    expect(await typeOf(xlsx([['名称', '统一社会信用代码']]))).toBe(XLSX);
  });

  it.each([
    ['an .exe renamed .pdf (MZ)', exe()],
    ['a PDF polyglot that starts with something else (GIF89a)', polyglot()],
    ['text that mentions %PDF- later', Buffer.from('hello %PDF-1.7')],
    ['nothing at all', Buffer.alloc(0)],
    ['a truncated PNG signature', png().subarray(0, 4)],
  ])('refuses %s', async (_name, bytes) => {
    expect(await sniffDocument(bytes)).toBeUndefined();
  });

  it.each([
    ['a plain ZIP (a ZIP named .ofd)', zip({ 'readme.txt': 'not an OFD' })],
    ['a ZIP with OFD.xml only in a folder', zip({ 'inner/OFD.xml': '<OFD/>' })],
    ['a Word document (wordprocessingml)', xlsx([['x']], 'wordprocessingml.document.main+xml')],
    ['an Excel template (.xltx) is no XLSX', xlsx([['x']], 'spreadsheetml.template.main+xml')],
    ['a ZIP whose [Content_Types].xml is no XML', zip({ '[Content_Types].xml': '<Types><Override' })],
  ])('refuses %s', async (_name, bytes) => {
    expect(await typeOf(bytes)).toBeUndefined();
  });

  it('refuses a damaged ZIP (the local header, then garbage) and an .exe with a ZIP appended', async () => {
    const archive = await ofd();
    expect(await typeOf(Buffer.concat([archive.subarray(0, 40), Buffer.alloc(200)]))).toBeUndefined();
    expect(await typeOf(Buffer.concat([exe(), archive]))).toBeUndefined();
  });
});

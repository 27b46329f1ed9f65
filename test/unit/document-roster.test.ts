import { readRoster, RosterUnreadable } from '../../api/documents/agency-roster';
import { sniffDocument } from '../../api/documents/document-type';
import { agencies } from '../../tooling/fixtures/applications';
import { rosterSheet, xlsx } from '../../tooling/fixtures/documents';

/** The roster read from an XLSX workbook, or the reason it cannot be (`documents.rosterReasons.<reason>`). */
async function read(workbook: Promise<Buffer>): Promise<unknown> {
  const sniffed = await sniffDocument(await workbook);
  try {
    return await readRoster(sniffed!.zip!);
  } catch (error) {
    if (error instanceof RosterUnreadable) return { reason: error.reason, ...error.params };
    throw error;
  }
}

describe('R-DOC-1: an XLSX agency roster is read from its first sheet, below its header row', () => {
  it('finds the header by its headings (below a title row) and reads every agency, in order', async () => {
    const listed = agencies(15).map(({ name, creditCode }) => ({ name, creditCode }));
    expect(await read(rosterSheet(listed))).toEqual(listed);
  });

  it('takes the English headings and any column order; skips blank rows; trims cells', async () => {
    const rows = [
      ['creditCode', ' Name '],
      [' 91500112MA0000001X ', ' 重庆甲公司 '],
      ['', ''],
      ['91500112MA00000026', '乙'],
    ];
    expect(await read(xlsx(rows))).toEqual([
      { name: '重庆甲公司', creditCode: '91500112MA0000001X' },
      { name: '乙', creditCode: '91500112MA00000026' },
    ]);
  });

  it.each([
    [
      'no header row naming both columns',
      [
        ['名称', '备注'],
        ['甲', '—'],
      ],
      { reason: 'noHeader' },
    ],
    ['a header and no agency', [['名称', '统一社会信用代码']], { reason: 'noRows' }],
    [
      'a row lacking its credit code',
      [
        ['名称', '统一社会信用代码'],
        ['甲', ''],
      ],
      { reason: 'incompleteRow', row: 2 },
    ],
  ])('refuses a roster with %s', async (_name, rows, refusal) => {
    expect(await read(xlsx(rows))).toEqual(refusal);
  });
});

import { collectPages, type ListPage } from '../../console/src/lists/collect-pages';
import { inertText, layOut, toCsv, type ExportTable } from '../../console/src/lists/export-layout';

/**
 * Issue 21 item 5: the console's exports. The CSV opens in Excel with its Chinese intact (UTF-8 with a byte-order
 * mark), keeps every field whole (RFC 4180 quoting), never runs a park name as a formula, and says in the file when
 * the list was cut; a whole list is fetched by following the cursor, never without bound.
 */
const table = (rows: ExportTable['blocks'][number]['rows'], notes?: string[]): ExportTable => ({
  name: '案件列表',
  blocks: [{ headers: ['产业园名称', '阶段代码'], rows }],
  notes,
});

const BOM = '\uFEFF';

describe('the CSV writer of the console exports', () => {
  it('starts with a UTF-8 byte-order mark and ends every line with CRLF, so Excel reads the Chinese', () => {
    const csv = toCsv(table([['渝北人力资源服务产业园', 'designated']]));
    expect(csv).toBe(`${BOM}产业园名称,阶段代码\r\n渝北人力资源服务产业园,designated\r\n`);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes a field with a comma, a quote, a line break or edge spaces, doubling its quotes (RFC 4180)', () => {
    const csv = toCsv(
      table([
        ['甲,乙', 'say "hi"'],
        ['line\nbreak', ' padded'],
        ['crlf\r\nend', 'plain'],
      ]),
    );
    expect(csv).toBe(
      `${BOM}产业园名称,阶段代码\r\n"甲,乙","say ""hi"""\r\n"line\nbreak"," padded"\r\n"crlf\r\nend",plain\r\n`,
    );
  });

  it('writes numbers as they are and a missing cell as an empty field', () => {
    expect(
      toCsv(
        table([
          [3, null],
          [undefined, -2],
        ]),
      )
        .split('\r\n')
        .slice(1, -1),
    ).toEqual(['3,', ',-2']);
  });

  it('guards a text that a spreadsheet would run as a formula with a leading apostrophe (CSV injection)', () => {
    expect(['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '渝北=园'].map(inertText)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-1",
      "'@cmd",
      "'\tx",
      '渝北=园',
    ]);
    expect(toCsv(table([['=HYPERLINK("http://x")', 'a']])).split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",a`);
  });

  it('lays out blocks with their titles, an empty row between them, then the notes (a cut list says so)', () => {
    const stats: ExportTable = {
      name: '认定统计',
      blocks: [
        { title: '各区县认定情况', headers: ['区县', '数量'], rows: [['渝北区', 2]] },
        { headers: ['产业园名称'], rows: [['渝北园']] },
      ],
      notes: ['仅导出前 5,000 条'],
    };
    expect(layOut(stats).map((row) => row.role)).toEqual([
      'title',
      'header',
      'body',
      'gap',
      'header',
      'body',
      'gap',
      'note',
    ]);
    expect(toCsv(stats)).toBe(
      `${BOM}各区县认定情况\r\n区县,数量\r\n渝北区,2\r\n\r\n产业园名称\r\n渝北园\r\n\r\n"仅导出前 5,000 条"\r\n`,
    );
  });
});

describe('following a list to its end for an export', () => {
  /** A keyset-paged list of `total` numbers, `size` a page; the cursors asked for are recorded. */
  const pagedList = (total: number, size: number) => {
    const asked: (string | undefined)[] = [];
    const fetchPage = async (cursor: string | undefined): Promise<ListPage<number>> => {
      asked.push(cursor);
      const start = cursor ? Number(cursor) : 0;
      const end = Math.min(start + size, total);
      const items = Array.from({ length: end - start }, (_, index) => start + index);
      return { items, nextCursor: end < total ? String(end) : null };
    };
    return { asked, fetchPage };
  };

  it('fetches every page by its nextCursor until the last, and is not cut', async () => {
    const list = pagedList(450, 200);
    await expect(collectPages(list.fetchPage, 5000)).resolves.toEqual({
      items: Array.from({ length: 450 }, (_, index) => index),
      cut: false,
    });
    expect(list.asked).toEqual([undefined, '200', '400']);
  });

  it('stops at the bound and says the list was cut, without asking for more pages', async () => {
    const list = pagedList(10_000, 200);
    const collected = await collectPages(list.fetchPage, 500);
    expect({ count: collected.items.length, cut: collected.cut, last: collected.items.at(-1) }).toEqual({
      count: 500,
      cut: true,
      last: 499,
    });
    expect(list.asked).toEqual([undefined, '200', '400']);
  });

  it('is not cut when the list ends exactly at the bound', async () => {
    const collected = await collectPages(pagedList(400, 200).fetchPage, 400);
    expect({ count: collected.items.length, cut: collected.cut }).toEqual({ count: 400, cut: false });
  });
});

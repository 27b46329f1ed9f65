/**
 * What an export holds, and how it is laid out row by row — pure (no DOM, no exceljs) so that the CSV writer and its
 * tests run in Node, and the spreadsheet writer lays out the same rows.
 */

/** One cell: text, a number, or nothing (an empty cell). */
export type Cell = string | number | null | undefined;

/** A titled table of an export: headers in the officer's language, then the rows' cells in the same order. */
export interface ExportBlock {
  title?: string;
  headers: string[];
  rows: Cell[][];
}

/** A list as it is exported: a file name (without extension), one or more tables, and notes said below them. */
export interface ExportTable {
  name: string;
  blocks: ExportBlock[];
  /** E.g. that the list was cut at the export's bound: said in the file itself, which may travel without the page. */
  notes?: string[];
}

/** A row of the laid-out export, with its role (a spreadsheet shows titles and headers in bold). */
export interface LaidOutRow {
  role: 'title' | 'header' | 'body' | 'note' | 'gap';
  cells: Cell[];
}

/** The export's rows in order: each block's title, headers and rows, an empty row between blocks, then the notes. */
export function layOut(table: ExportTable): LaidOutRow[] {
  const rows: LaidOutRow[] = [];
  table.blocks.forEach((block, index) => {
    if (index > 0) rows.push({ role: 'gap', cells: [] });
    if (block.title !== undefined) rows.push({ role: 'title', cells: [block.title] });
    rows.push({ role: 'header', cells: block.headers });
    for (const cells of block.rows) rows.push({ role: 'body', cells });
  });
  if (table.notes?.length) {
    rows.push({ role: 'gap', cells: [] });
    for (const note of table.notes) rows.push({ role: 'note', cells: [note] });
  }
  return rows;
}

/**
 * A text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return first) gets a
 * leading apostrophe: a park name typed by anyone must never run as a formula on an officer's machine (CSV injection).
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** RFC 4180: a field with a comma, a quote, a line break or edge spaces is quoted, its quotes doubled. */
function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? String(cell) : inertText(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The export as CSV text: UTF-8 with a byte-order mark (without it Excel reads the Chinese as a legacy code page),
 * CRLF line ends, fields quoted as RFC 4180 says.
 */
export function toCsv(table: ExportTable): string {
  const lines = layOut(table).map((row) => row.cells.map(csvField).join(','));
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}

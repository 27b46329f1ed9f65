import { layOut, toCsv, type Cell, type ExportTable } from './export-layout';

/**
 * The console's one way to export a list (the case list, a month of deadlines, the statistics): as an Excel workbook
 * or as CSV, laid out alike ({@link layOut}), downloaded in the browser. exceljs is imported only when an officer asks
 * for a workbook: it is large and never belongs in a page's first load.
 */

export type { Cell, ExportBlock, ExportTable } from './export-layout';

/** The two formats an officer may export to. */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MIME_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/** Writes the table in the format and hands it to the browser as a download named `<name>.<format>`. */
export async function downloadTable(table: ExportTable, format: ExportFormat): Promise<void> {
  const content = format === 'xlsx' ? await toXlsx(table) : toCsv(table);
  const url = URL.createObjectURL(new Blob([content], { type: MIME_TYPES[format] }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName(table.name)}.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click the browser holds the file; a later revoke would only keep the memory longer.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** Characters Windows and Excel refuse in a file or sheet name. */
const FORBIDDEN_IN_NAMES = /[\\/:*?"<>|[\]]/g;
const fileName = (name: string): string => name.replace(FORBIDDEN_IN_NAMES, '-');
/** Excel's sheet names are at most 31 characters. */
const sheetName = (name: string): string => fileName(name).slice(0, 31);

const WIDEST_COLUMN = 60;
const widthOf = (cell: Cell): number =>
  // A Chinese character takes about two columns' width.
  [...String(cell ?? '')].reduce((width, char) => width + (char.charCodeAt(0) > 0xff ? 2 : 1), 0);

async function toXlsx(table: ExportTable): Promise<ArrayBuffer> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName(table.name));
  const widths: number[] = [];
  for (const row of layOut(table)) {
    // A workbook's text cells are text, never formulas: unlike CSV, they need no guard against formula injection.
    const added = sheet.addRow(row.cells.map((cell) => cell ?? null));
    if (row.role === 'title' || row.role === 'header') added.font = { bold: true };
    if (row.role === 'note') added.font = { italic: true };
    if (row.role === 'header' || row.role === 'body') {
      row.cells.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 8, widthOf(cell) + 2)));
    }
  }
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = Math.min(width, WIDEST_COLUMN)));
  return workbook.xlsx.writeBuffer();
}

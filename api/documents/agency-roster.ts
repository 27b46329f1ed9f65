import type { MessageParams } from '../../workflows/definitions/message-ref';
import type { RosterRow } from '../../workflows/definitions/documents';
import type { zhCN } from '../../i18n/catalogues/zh-CN';
import { ROSTER_HEADINGS } from './roster-headings';
import { child, children, textOf, xmlPart, type XmlNode } from './xml-part';
import type { ZipArchive } from './zip-archive';

/** More rows than any park's roster: a sheet this long is not one. */
export const MAX_ROSTER_ROWS = 5_000;

/** The headings that mark the header row, compared without spaces and case (R-APP-3's name and credit code). */
const NAME_HEADINGS = new Set<string>(ROSTER_HEADINGS.name);
const CODE_HEADINGS = new Set<string>(ROSTER_HEADINGS.creditCode);
const heading = (value: string): string => value.replace(/\s+/g, '').toLowerCase();

type RosterReason = keyof typeof zhCN.documents.rosterReasons;

/** Why an XLSX agency roster could not be read: `documents.rosterReasons.<reason>`. */
export class RosterUnreadable extends Error {
  constructor(
    readonly reason: RosterReason,
    readonly params?: MessageParams,
  ) {
    super(`the agency roster cannot be read: ${reason}`);
    this.name = 'RosterUnreadable';
  }
}

/** `dir/name` of a relationship's target: relative to the part's folder, or absolute from the package root. */
const resolve = (folder: string, target: string): string =>
  target.startsWith('/') ? target.slice(1) : `${folder}${target}`;

/** The target of the relationship of `part` (`xl/workbook.xml`) whose id or type ending is given. */
async function related(zip: ZipArchive, part: string, match: (r: XmlNode) => boolean): Promise<string | undefined> {
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const rels = await xmlPart(zip, `${folder}_rels/${part.slice(folder.length)}.rels`);
  const found = children(rels?.Relationships, 'Relationship').find(match);
  return found ? resolve(folder, textOf(found['@Target'])) : undefined;
}
const ofType = (kind: string) => (r: XmlNode) => textOf(r['@Type']).endsWith(`/${kind}`);

/** A shared string: plain (`<t>`) or rich text (runs `<r><t>`). */
const sharedText = (si: XmlNode): string =>
  si.t !== undefined
    ? textOf(si.t)
    : children(si, 'r')
        .map((run) => textOf(run.t))
        .join('');

/** `BC12` → 54 (the column, from 0). */
const columnOf = (reference: string): number =>
  [...(/^[A-Z]+/.exec(reference)?.[0] ?? '')].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;

/** The first sheet's rows as text cells by column, with their row numbers. */
async function firstSheetRows(zip: ZipArchive): Promise<Array<{ number: number; cells: string[] }>> {
  const workbook = (await related(zip, '', ofType('officeDocument'))) ?? 'xl/workbook.xml';
  const sheetId = textOf(child(child(await xmlPart(zip, workbook), 'workbook')?.sheets, 'sheet')?.['@id']);
  const sheet = await related(zip, workbook, (r) => textOf(r['@Id']) === sheetId);
  const stringsPart = await related(zip, workbook, ofType('sharedStrings'));
  const shared = stringsPart ? children((await xmlPart(zip, stringsPart))?.sst, 'si').map(sharedText) : [];
  const rows = sheet ? children(child((await xmlPart(zip, sheet))?.worksheet, 'sheetData'), 'row') : undefined;
  if (!rows) throw new RosterUnreadable('notXlsx');
  return rows.map((row, index) => {
    const cells: string[] = [];
    children(row, 'c').forEach((cell, position) => {
      const type = textOf(cell['@t']);
      const value = textOf(cell.v);
      const column = cell['@r'] ? columnOf(textOf(cell['@r'])) : position;
      cells[column] =
        type === 's'
          ? (shared[Number(value)] ?? '')
          : type === 'inlineStr'
            ? sharedText(child(cell, 'is') ?? {})
            : value;
    });
    return { number: Number(textOf(row['@r'])) || index + 1, cells: Array.from(cells, (c) => (c ?? '').trim()) };
  });
}

/**
 * R-DOC-1: the agencies an XLSX roster lists — its first sheet, from the row below the header that names the name
 * (名称, 机构名称, name) and the unified social credit code (统一社会信用代码, creditCode) columns; blank rows are
 * skipped. The workflow compares them with the application's `agencies` at acceptance. Throws
 * {@link RosterUnreadable} for a workbook without such a header, without rows, or with a row lacking either value.
 */
export async function readRoster(zip: ZipArchive): Promise<RosterRow[]> {
  let rows;
  try {
    rows = await firstSheetRows(zip);
  } catch (error) {
    throw error instanceof RosterUnreadable ? error : new RosterUnreadable('notXlsx');
  }
  const headings = rows.map(({ cells }) => cells.map(heading));
  const headerAt = headings.findIndex(
    (h) => h.some((c) => NAME_HEADINGS.has(c)) && h.some((c) => CODE_HEADINGS.has(c)),
  );
  if (headerAt < 0) throw new RosterUnreadable('noHeader');
  const nameColumn = headings[headerAt].findIndex((c) => NAME_HEADINGS.has(c));
  const codeColumn = headings[headerAt].findIndex((c) => CODE_HEADINGS.has(c));
  const roster: RosterRow[] = [];
  for (const { number, cells } of rows.slice(headerAt + 1)) {
    const [name, creditCode] = [cells[nameColumn] ?? '', cells[codeColumn] ?? ''];
    if (!name && !creditCode) continue;
    if (!name || !creditCode) throw new RosterUnreadable('incompleteRow', { row: number });
    if (roster.length === MAX_ROSTER_ROWS) throw new RosterUnreadable('tooManyRows', { max: MAX_ROSTER_ROWS });
    roster.push({ name, creditCode });
  }
  if (roster.length === 0) throw new RosterUnreadable('noRows');
  return roster;
}

/**
 * The column headings that mark an XLSX agency roster's header row (R-DOC-1, R-APP-3): data the reader looks for in
 * an uploaded sheet, not texts shown to anyone — compared without spaces and case.
 */
export const ROSTER_HEADINGS = {
  name: ['名称', '机构名称', 'name'],
  creditCode: ['统一社会信用代码', 'creditcode'],
} as const;

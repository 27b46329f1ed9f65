import type { TFunction } from 'i18next';
import { chongqingDay } from '../../../i18n/formatters';
import { WHOLE_LIST_BOUND, type CaseRow, type DeadlineRow } from '../api/list-queries';
import type { Schema } from '../api/client';
import type { Collected } from './collect-pages';
import type { ExportTable } from './export-table';
import { targetOutcome } from './target-outcome';

/**
 * The three lists as exported: headers in the officer's language, names beside their machine codes (stage, district,
 * deadline kind — the codes stay the same whatever the language, so sheets from officers in either language can be
 * joined), dates as `YYYY-MM-DD` Chongqing days (R-CAL-1) that a spreadsheet sorts.
 */

type DistrictName = (code: string) => string;

const yesOrNo = (t: TFunction, value: boolean): string =>
  t(value ? 'console.lists.export.yes' : 'console.lists.export.no');

/** Said in the file and on the page when the list was longer than an export fetches. */
const cutNotes = (t: TFunction, { cut }: Collected<unknown>): string[] =>
  cut ? [t('console.lists.export.cut', { count: WHOLE_LIST_BOUND })] : [];

/** The filtered case list (案件列表). */
export function caseListTable(t: TFunction, districtName: DistrictName, cases: Collected<CaseRow>): ExportTable {
  const headers = [
    t('console.lists.cases.parkName'),
    t('console.lists.cases.district'),
    t('console.lists.export.districtCode'),
    t('console.lists.cases.stage'),
    t('console.lists.export.stageCode'),
    t('console.lists.cases.nextDeadlineKind'),
    t('console.lists.export.kindCode'),
    t('console.lists.export.dueDate'),
    t('console.lists.export.overdue'),
    t('console.lists.cases.openedAt'),
    t('console.lists.cases.updatedAt'),
    t('console.lists.export.caseId'),
  ];
  const rows = cases.items.map((row) => [
    row.parkName,
    districtName(row.district),
    row.district,
    t(`common.stages.${row.stage}`),
    row.stage,
    row.nextDeadline ? t(`common.deadlineKinds.${row.nextDeadline.kind}`) : null,
    row.nextDeadline?.kind,
    row.nextDeadline?.dueDate,
    yesOrNo(t, row.overdue),
    chongqingDay(row.openedAt),
    chongqingDay(row.updatedAt),
    row.caseId,
  ]);
  return { name: t('console.lists.cases.file'), blocks: [{ headers, rows }], notes: cutNotes(t, cases) };
}

/** A month's deadlines (期限日历), earliest first. */
export function deadlineTable(
  t: TFunction,
  districtName: DistrictName,
  month: string,
  deadlines: Collected<DeadlineRow>,
): ExportTable {
  const headers = [
    t('console.lists.export.dueDate'),
    t('console.lists.cases.parkName'),
    t('console.lists.cases.district'),
    t('console.lists.export.districtCode'),
    t('console.lists.calendar.kind'),
    t('console.lists.export.kindCode'),
    t('console.lists.export.overdue'),
    t('console.lists.export.provisional'),
    t('console.lists.export.caseId'),
  ];
  const rows = deadlines.items.map((row) => [
    row.dueDate,
    row.parkName,
    districtName(row.district),
    row.district,
    t(`common.deadlineKinds.${row.kind}`),
    row.kind,
    yesOrNo(t, row.overdue),
    yesOrNo(t, row.provisional),
    row.caseId,
  ]);
  return {
    name: t('console.lists.calendar.file', { month }),
    blocks: [{ headers, rows }],
    notes: cutNotes(t, deadlines),
  };
}

/** The designation statistics (认定统计): the count per district with the total and target, then the parks. */
export function designationTable(
  t: TFunction,
  districtName: DistrictName,
  stats: Schema<'DesignationStats'>,
): ExportTable {
  const at = stats.date ?? (stats.at ? chongqingDay(stats.at) : t('console.lists.stats.now'));
  const { target } = stats;
  return {
    name: t('console.lists.stats.file', { at }),
    blocks: [
      {
        title: t('console.lists.stats.byDistrict'),
        headers: [
          t('console.lists.cases.district'),
          t('console.lists.export.districtCode'),
          t('console.lists.stats.designated'),
        ],
        rows: [
          ...stats.byDistrict.map((count) => [districtName(count.district), count.district, count.designated]),
          [t('console.lists.stats.sum'), null, stats.total],
        ],
      },
      {
        title: t('console.lists.stats.parks'),
        headers: [
          t('console.lists.cases.parkName'),
          t('console.lists.cases.district'),
          t('console.lists.export.districtCode'),
          t('console.lists.stats.designatedAt'),
          t('console.lists.export.caseId'),
        ],
        rows: stats.parks.map((park) => [
          park.parkName,
          districtName(park.district),
          park.district,
          chongqingDay(park.designatedAt),
          park.caseId,
        ]),
      },
    ],
    notes: [
      t('console.lists.stats.countedOn', { at }),
      t('console.lists.stats.targetOutcome', {
        target: t('console.lists.stats.target', { count: target.parks, byEndOf: target.byEndOf }),
        outcome: t(`console.lists.stats.${targetOutcome(target).key}`),
      }),
      t('console.lists.stats.designatedByThen', { count: target.designatedByThen, byEndOf: target.byEndOf }),
    ],
  };
}

import type { TFunction } from 'i18next';
import { shortSha } from '../../documents/fingerprint';

/** An audit entry's details as recorded by the workflow: whatever its action put there. */
type Details = Record<string, unknown>;

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const textsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const numbersOf = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
const nonEmpty = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);

/** A line rendered from `value` when the details hold one of the expected type. */
const when = <T>(value: T | undefined, render: (value: T) => string): string | undefined =>
  value === undefined ? undefined : render(value);

/**
 * The rules an entry cites: a `rule` of its own, a filing's deficiencies and flags (R-APP-*), the rules an
 * acceptance waived, a report's findings (R-RPT-2..4) — each once.
 */
export function rulesCited(details: Details): string[] {
  const rules = [
    ...textsOf([details.rule]),
    ...textsOf(details.deficiencies),
    ...textsOf(details.flags),
    ...textsOf(details.waivedRules),
    ...textsOf(details.findings),
  ];
  return [...new Set(rules)];
}

interface Moved {
  kind: string;
  from: string;
  to: string;
}
const isMoved = (value: unknown): value is Moved =>
  typeof value === 'object' && value !== null && ['kind', 'from', 'to'].every((key) => key in value);

/**
 * The key details of an entry as lines in the reader's language: amounts, reasons, years, dates, experts, scores.
 * Only what the workflow records (workflows/lifecycle: the `outcome(…)` details); ids and counters stay out.
 * `officer` names an expert by id.
 */
export function detailLines(details: Details, t: TFunction, officer: (id: string) => string): string[] {
  const day = (key: 'reviewDueAt' | 'nextEvaluationDue' | 'rectifyBy' | 'refundDueAt' | 'scheduledFor') =>
    when(textOf(details[key]), (value) => t(`console.casePage.history.details.${key}`, { at: value }));
  const said = (
    key: 'reason' | 'waiverReason' | 'findings' | 'certificateNo' | 'bankReference' | 'decisionReference',
  ) => when(textOf(details[key]), (text) => t(`console.casePage.history.details.${key}`, { text }));
  const money = (key: 'amount' | 'subsidyAmount' | 'refundAmount' | 'paidAmount') =>
    when(numberOf(details[key]), (amount) => t(`console.casePage.history.details.${key}`, { amount }));
  const experts = (key: 'added' | 'replaced') =>
    when(nonEmpty(textsOf(details[key])), (ids) =>
      t(`console.casePage.history.details.${key}`, { ids: ids.map(officer) }),
    );
  const necessity = numberOf(details.necessity);
  const feasibility = numberOf(details.feasibility);
  const calendar = details.calendarVersion as { from?: unknown; to?: unknown } | undefined;
  const lines = [
    when(numberOf(details.submission), (count) => t('console.casePage.history.details.submission', { count })),
    when(textOf(details.kind), (kind) => t('console.casePage.history.details.paymentKind', { kind })),
    money('amount'),
    money('subsidyAmount'),
    numberOf(details.refundAmount) ? money('refundAmount') : undefined,
    money('paidAmount'),
    said('certificateNo'),
    said('decisionReference'),
    said('bankReference'),
    when(numberOf(details.year), (year) => t('console.casePage.history.details.year', { year })),
    when(numberOf(details.firstReportingYear), (year) =>
      t('console.casePage.history.details.firstReportingYear', { year }),
    ),
    details.late === true ? t('console.casePage.history.details.late') : undefined,
    // R-RPT-5: closing a revoked park ends the reports still due; the entry names the years never filed.
    when(nonEmpty(numbersOf(details.reportsNeverFiled)), (years) =>
      t('console.casePage.history.details.reportsNeverFiled', { years }),
    ),
    when(nonEmpty(textsOf(details.expertIds)), (ids) =>
      t('console.casePage.history.details.experts', { ids: ids.map(officer) }),
    ),
    experts('added'),
    experts('replaced'),
    necessity !== undefined && feasibility !== undefined
      ? t('console.casePage.history.details.scores', { necessity, feasibility })
      : undefined,
    typeof details.recommend === 'boolean'
      ? t(`console.casePage.history.details.${details.recommend ? 'recommend' : 'notRecommend'}`)
      : undefined,
    details.reviewClosed === true ? t('console.casePage.history.details.reviewClosed') : undefined,
    textOf(details.department) && textOf(details.position) && textOf(details.date)
      ? t('console.casePage.history.details.departmentOpinion', {
          department: details.department,
          position: details.position,
          date: details.date,
        })
      : undefined,
    said('reason'),
    said('waiverReason'),
    said('findings'),
    when(nonEmpty(textsOf(details.grounds)), (grounds) => t('console.casePage.history.details.grounds', { grounds })),
    day('reviewDueAt'),
    day('nextEvaluationDue'),
    day('rectifyBy'),
    day('refundDueAt'),
    ...(Array.isArray(details.moved) ? details.moved.filter(isMoved) : []).map((moved) =>
      t('console.casePage.history.details.moved', { ...moved }),
    ),
    calendar?.from && calendar.to
      ? t('console.casePage.history.details.calendar', { from: String(calendar.from), to: String(calendar.to) })
      : undefined,
    numberOf(details.days) !== undefined && textOf(details.from) && textOf(details.to)
      ? t('console.casePage.history.details.clockAdvanced', { days: details.days, from: details.from, to: details.to })
      : undefined,
    day('scheduledFor'),
    // R-DOC-1: a paper uploaded or downloaded, by what it is and the start of the fingerprint it was recorded with.
    textOf(details.purpose) && textOf(details.sha256)
      ? t('console.casePage.history.details.paper', { purpose: details.purpose, sha: shortSha(String(details.sha256)) })
      : undefined,
    when(nonEmpty(textsOf(details.notices)), (sent) =>
      t('console.casePage.history.details.noticesSent', { count: sent.length }),
    ),
    when(textOf(details.stage), (stage) => t('console.casePage.history.details.stage', { stage })),
  ];
  return lines.filter((line): line is string => line !== undefined);
}

/**
 * Custom search attributes ops filter and sort by in the Temporal UI. Plain key objects (same shape as
 * `defineSearchAttributeKey`) so this contract depends on nothing but itself.
 * Register them on a server with `temporal operator search-attribute create` (scripts/dev.sh does).
 */
export const CASE_STAGE_KEY = { name: 'CaseStage', type: 'KEYWORD' } as const;
export const DISTRICT_KEY = { name: 'District', type: 'KEYWORD' } as const;
/** The earliest deadline the case waits on (a policy date). */
export const NEXT_DEADLINE_KEY = { name: 'NextDeadline', type: 'DATETIME' } as const;
/** How many yearly reports are past due and missing (§5.3). */
export const OVERDUE_REPORTS_KEY = { name: 'OverdueReports', type: 'INT' } as const;

export const PARK_CASE_SEARCH_ATTRIBUTES = [
  CASE_STAGE_KEY,
  DISTRICT_KEY,
  NEXT_DEADLINE_KEY,
  OVERDUE_REPORTS_KEY,
] as const;

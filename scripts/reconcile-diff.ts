import type { CaseDeadline } from '../persistence/repositories/case-deadlines.repository';
import type { ParkCaseColumns } from '../persistence/repositories/park-cases.repository';

/** The read model's columns of `park_cases`, as the report names them. */
const COLUMNS: ReadonlyArray<[keyof ParkCaseColumns, string]> = [
  ['district', 'district'],
  ['parkName', 'park_name'],
  ['stage', 'stage'],
  ['version', 'version'],
];
const INSTANTS: ReadonlyArray<[keyof ParkCaseColumns, string]> = [
  ['openedAt', 'opened_at'],
  ['updatedAt', 'updated_at'],
  ['designatedAt', 'designated_at'],
  ['revokedAt', 'revoked_at'],
];

/** JSON with every object's keys sorted: what PostgreSQL's jsonb keeps of a value (it reorders keys). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const instant = (value: unknown): number | null => (value ? Date.parse(String(value)) : null);

/**
 * A deadline as one comparable string: kind, both instants (their text may differ, their time not) and how R-CAL-3 set
 * its day (moved from, why, provisional).
 */
const deadlineKey = (deadline: CaseDeadline): string =>
  `${deadline.kind}@${instant(deadline.dueAt)}/${instant(deadline.dueWallAt)}` +
  `/${deadline.shiftedFrom ?? ''}/${deadline.reason ?? ''}/${deadline.provisional === true}`;

/**
 * What differs between the read model's row of a case and the row its workflow's snapshot makes (`npm run
 * reconcile`): `park_cases` columns by name, the snapshot's fields as `snapshot.<field>`, and `deadlines`
 * (`case_deadlines`); `row` alone when there is no row. Empty when they agree.
 */
export function differingFields(
  expected: ParkCaseColumns,
  stored: ParkCaseColumns | undefined,
  expectedDeadlines: readonly CaseDeadline[],
  storedDeadlines: readonly CaseDeadline[],
): string[] {
  const fields: string[] = [];
  if (!stored) fields.push('row');
  else {
    for (const [key, name] of COLUMNS) if (expected[key] !== stored[key]) fields.push(name);
    for (const [key, name] of INSTANTS) if (instant(expected[key]) !== instant(stored[key])) fields.push(name);
    const want = expected.snapshot as unknown as Record<string, unknown>;
    const have = (stored.snapshot ?? {}) as unknown as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(want), ...Object.keys(have)])].sort())
      if (canonical(want[key]) !== canonical(have[key])) fields.push(`snapshot.${key}`);
  }
  const deadlines = (list: readonly CaseDeadline[]): string => list.map(deadlineKey).sort().join(',');
  if (deadlines(expectedDeadlines) !== deadlines(storedDeadlines)) fields.push('deadlines');
  return fields;
}

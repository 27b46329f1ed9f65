import type { SqlParams } from './sql-params';

/** Which cases a list may show: every case, one district's, or those whose review panel includes an expert. */
export type CaseScope = { kind: 'all' } | { kind: 'district'; district: string } | { kind: 'panel'; expertId: string };

/** The SQL condition on `park_cases` alias `c` that keeps the cases of `scope`. */
export function caseScopeCondition(scope: CaseScope, params: SqlParams): string {
  switch (scope.kind) {
    case 'district':
      return `c.district = ${params.add(scope.district)}`;
    case 'panel':
      return `(c.snapshot->'panel'->'expertIds') ? ${params.add(scope.expertId)}`;
    case 'all':
      return 'TRUE';
  }
}

/** One row of the drills' table: a drill, one invariant checked after it settled, its counts and its verdict. */
export interface Row {
  drill: string;
  invariant: string;
  numbers: string;
  pass: boolean;
  /** What broke it (printed under the table for a FAIL), a few lines at most. */
  evidence?: string[];
}

/** Builds a row; evidence is kept only for a failure, and bounded so one broken drill cannot flood the report. */
export function row(drill: string, invariant: string, numbers: string, pass: boolean, evidence: string[] = []): Row {
  return {
    drill,
    invariant,
    numbers,
    pass,
    ...(pass || evidence.length === 0 ? {} : { evidence: evidence.slice(0, 8) }),
  };
}

/** The one table `npm run drills` prints: drill | invariant | numbers | verdict, then the evidence of each FAIL. */
export function renderTable(rows: Row[]): string {
  const header = ['drill', 'invariant', 'numbers', 'verdict'];
  const cells = rows.map((r) => [r.drill, r.invariant, r.numbers, r.pass ? 'pass' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
  const failures = rows.filter((r) => !r.pass);
  for (const r of failures) {
    out.push('', `FAIL ${r.drill} / ${r.invariant}: ${r.numbers}`, ...(r.evidence ?? []).map((e) => `  - ${e}`));
  }
  out.push(
    '',
    `${rows.length - failures.length}/${rows.length} rows pass${failures.length ? `; ${failures.length} FAIL` : ''}`,
  );
  return out.join('\n');
}

/** `n×label` for a count, as the numbers column writes it. */
export const times = (n: number, label: string): string => `${n}×${label}`;

/** Seconds with one decimal. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The mutation score of the policy code, gathered from the shards' JSON reports (`npm run mutation`). */

/** A mutant as Stryker's JSON report (mutation-testing-report-schema) states it: the fields the summary reads. */
export interface ReportedMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number } };
}

/** One shard's JSON report: the mutated files, each with its source and mutants. */
export interface ShardReport {
  files: Record<string, { source: string; mutants: ReportedMutant[] }>;
}

const DETECTED = ['Killed', 'Timeout'];
/** Not detected: survived its tests, or ran no test at all. */
const UNDETECTED = ['Survived', 'NoCoverage'];
const count = (mutants: ReportedMutant[], statuses: string[]): number =>
  mutants.filter((m) => statuses.includes(m.status)).length;
const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);

/** A line of the score table: mutants, detected, undetected, the score with timeouts detected, and without. */
function scoreLine(name: string, mutants: ReportedMutant[]): string {
  const scored = count(mutants, [...DETECTED, ...UNDETECTED]);
  const detected = count(mutants, DETECTED);
  const killed = count(mutants, ['Killed']);
  const cells = [mutants.length, detected, scored - detected].map((n) => String(n).padStart(9));
  const scores = [percent(detected, scored), percent(killed, scored)].map((score) => score.padStart(9));
  return `${name.padEnd(48)}${cells.join('')}${scores.join('')}`;
}

/**
 * The score per file and in all (timeouts counted as detected, then not: a compile or runtime error is no score), and
 * every mutant no test detected as `file:line mutator  code  →  replacement`.
 */
export function mutationSummary(reports: ShardReport[]): string {
  const files = reports.flatMap((report) => Object.entries(report.files)).sort(([a], [b]) => a.localeCompare(b));
  const all = files.flatMap(([, file]) => file.mutants);
  const undetected = files.flatMap(([name, { source, mutants }]) => {
    const lines = source.split('\n');
    return mutants
      .filter((m) => UNDETECTED.includes(m.status))
      .map((m) => {
        const line = m.location.start.line;
        const note = m.status === 'NoCoverage' ? ' (no test runs it)' : '';
        const replacement = (m.replacement ?? '').replace(/\s+/g, ' ');
        return `  ${name}:${line} ${m.mutatorName}${note}  ${lines[line - 1].trim()}  →  ${replacement}`;
      });
  });
  const header = `${'file'.padEnd(48)}${['mutants', 'detected', 'missed'].map((h) => h.padStart(9)).join('')}`;
  return [
    `${header}${'score'.padStart(9)}${'w/o t/o'.padStart(9)}`,
    ...files.map(([name, file]) => scoreLine(name, file.mutants)),
    scoreLine('all', all),
    '',
    `${undetected.length} mutant(s) no test detected:`,
    ...undetected,
  ].join('\n');
}

/** The policy files no shard mutates: each must be in one, or its broken rules go unnoticed. */
export const filesInNoShard = (shards: Record<string, string[]>, policyFiles: string[]): string[] => {
  const sharded = new Set(Object.values(shards).flat());
  return policyFiles.filter((file) => !sharded.has(file));
};

/**
 * History bytes per park-year of the case workflow, read from the replay baseline (`test/workflows/histories`): one
 * run per scenario, recorded on the time-skipping test server, whose clock the workflow tests drive as the policy
 * clock. A scenario's park-years are the reporting years its run touches — the Chongqing calendar years from its first
 * event to its last; a run never holds two — so its bytes per park-year are its bytes over those years, and a
 * generation's total divides all its bytes by all its park-years. "most bytes in" names the kind of event holding the
 * largest share of them (today the scheduled activities, whose inputs carry each change record).
 *
 * usage: npm run bench:history-bytes [-- <generation>]   (every generation by default)
 */
import { temporal } from '@temporalio/proto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../scripts/repo-root';
import { readHistory } from '../test/support/workflows/histories';
import { chongqingYear } from '../workflows/definitions/civil-date';

const { HistoryEvent } = temporal.api.history.v1;
const EventType = temporal.api.enums.v1.EventType;
const HISTORIES_DIR = join(repoRoot(), 'test', 'workflows', 'histories');
const SUFFIX = '.history.pb';
const DAY_MS = 86_400_000;

/** What one recorded run (or a generation's runs together) holds. */
interface RunFigures {
  generation: string;
  scenario: string;
  bytes: number;
  events: number;
  /** Policy time from the run's first event to its last. */
  policyDays: number;
  parkYears: number;
  /** Bytes by kind of event, e.g. "activity task scheduled". */
  bytesByEventType: Map<string, number>;
}

const eventInstant = (event: temporal.api.history.v1.IHistoryEvent): string =>
  new Date(Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6).toISOString();

function addBytes(into: Map<string, number>, type: string, bytes: number): void {
  into.set(type, (into.get(type) ?? 0) + bytes);
}

/** The figures of `<scenario>.<generation>.history.pb` (a file without a generation is the baseline's). */
function figuresOf(file: string): RunFigures {
  const bytes = readFileSync(join(HISTORIES_DIR, file));
  const events = readHistory(bytes).events;
  const [scenario, generation = 'baseline'] = file.slice(0, -SUFFIX.length).split(/\.(?=[^.]+$)/);
  const first = eventInstant(events[0]);
  const last = eventInstant(events[events.length - 1]);
  const bytesByEventType = new Map<string, number>();
  for (const event of events) {
    const type = EventType[event.eventType!].replace('EVENT_TYPE_', '').toLowerCase().replaceAll('_', ' ');
    addBytes(bytesByEventType, type, HistoryEvent.encode(event).finish().length);
  }
  return {
    generation,
    scenario,
    bytes: bytes.length,
    events: events.length,
    policyDays: (Date.parse(last) - Date.parse(first)) / DAY_MS,
    parkYears: chongqingYear(last) - chongqingYear(first) + 1,
    bytesByEventType,
  };
}

/** A generation's runs summed, as one more row. */
function total(runs: RunFigures[]): RunFigures {
  const sum = (pick: (run: RunFigures) => number) => runs.reduce((acc, run) => acc + pick(run), 0);
  const bytesByEventType = new Map<string, number>();
  for (const run of runs) for (const [type, bytes] of run.bytesByEventType) addBytes(bytesByEventType, type, bytes);
  return {
    generation: runs[0].generation,
    scenario: `all ${runs.length} scenarios`,
    bytes: sum((run) => run.bytes),
    events: sum((run) => run.events),
    policyDays: sum((run) => run.policyDays),
    parkYears: sum((run) => run.parkYears),
    bytesByEventType,
  };
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

function mostBytesIn(run: RunFigures): string {
  const [type, bytes] = [...run.bytesByEventType].sort((a, b) => b[1] - a[1])[0];
  return `${((100 * bytes) / run.bytes).toFixed(0).padStart(3)} % ${type}`;
}

/** The table's columns: title, width (negative: aligned left) and cell. */
const COLUMNS: Array<[string, number, (run: RunFigures) => string]> = [
  ['generation', -10, (run) => run.generation],
  ['scenario', -26, (run) => run.scenario],
  ['bytes', 9, (run) => count(run.bytes)],
  ['events', 6, (run) => count(run.events)],
  ['policy days', 11, (run) => run.policyDays.toFixed(1)],
  ['park-years', 10, (run) => String(run.parkYears)],
  ['bytes/park-year', 15, (run) => count(run.bytes / run.parkYears)],
  ['most bytes in', -13, mostBytesIn],
];

const line = (cells: string[]): string =>
  cells.map((cell, i) => (COLUMNS[i][1] < 0 ? cell.padEnd(-COLUMNS[i][1]) : cell.padStart(COLUMNS[i][1]))).join('  ');

function main(): void {
  const wanted = process.argv[2];
  const runs = readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith(SUFFIX))
    .map(figuresOf)
    .filter((run) => !wanted || run.generation === wanted);
  if (runs.length === 0) throw new Error(`no recorded history${wanted ? ` of ${wanted}` : ''} in ${HISTORIES_DIR}`);
  const generations = [...new Set(runs.map((run) => run.generation))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  console.log(`History bytes per park-year of the case workflow, from ${HISTORIES_DIR}\n`);
  console.log(line(COLUMNS.map(([title]) => title)));
  for (const generation of generations) {
    const own = runs
      .filter((run) => run.generation === generation)
      .sort((a, b) => a.scenario.localeCompare(b.scenario));
    for (const run of [...own, total(own)]) console.log(line(COLUMNS.map(([, , cell]) => cell(run))));
  }
}

main();

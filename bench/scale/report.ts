import { availableParallelism } from 'node:os';
import type { LagFigures, StormWave } from '../../tooling/repositories/scale-figures.repository';
import { percentile } from '../percentile';
import type { HistoryFigures } from './histories';
import type { LifeTally } from './life';
import type { MemoryPeak, OfficerSampler } from './samplers';

/** Everything a scale run measured. */
export interface ScaleReport {
  /** The run's case ids start with it (its rows in PostgreSQL, its workflows). */
  prefix: string;
  parks: number;
  years: number;
  /** CPU seconds each stack process (and the bench) used from the parks' start to the last boundary. */
  cpuSeconds: Array<[name: string, seconds: number]>;
  /** The policy instant the run lived up to (the clock runs on until its workflows are terminated). */
  policyEnd: Date;
  scale: number;
  target: 'dev' | 'cluster';
  seededMs: number;
  livedMs: number;
  wallMs: number;
  life: LifeTally;
  histories: HistoryFigures;
  lag: LagFigures;
  storms: StormWave[];
  boundaries: Array<{ year: number; cases: number; spreadMs: number }>;
  notices: { notices: number; duplicates: number };
  /** Each worker's highest RSS and the workflows its cache held then. */
  memoryPeaks: MemoryPeak[];
  parkflowBytes: number;
  temporalBytes: number;
  officer: Pick<OfficerSampler, 'latenciesMs' | 'failures' | 'filingsPending'>;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const days = (value: number | null): string => (value === null ? '–' : value.toFixed(2));

/** The run as one Markdown table (metric, value). */
export function renderScaleReport(r: ScaleReport): string {
  const parkYears = r.parks * r.years;
  const events = r.histories.eventsPerRun;
  const noticesPerParkYear = (r.notices.notices / parkYears).toFixed(1);
  const rows: Array<[string, string]> = [
    ['topology · parks × policy years · POLICY_TIME_SCALE', `${r.target} · ${r.parks} × ${r.years} · ${r.scale}`],
    ['wall time: parks started · years lived · total', `${s(r.seededMs)} · ${s(r.livedMs)} · ${s(r.wallMs)}`],
    [
      'officer actions of the plan: sent · refused · sent > 1 policy day late',
      `${r.life.done} · ${r.life.refused.length} · ${r.life.late}`,
    ],
    [
      `workflow tasks (${r.histories.parks} parks' histories): completed · failed · timed out`,
      `${r.histories.workflowTasks} · ${r.histories.workflowTaskFailures} · ${r.histories.workflowTaskTimeouts}`,
    ],
    ['runs per park (sample)', (r.histories.runs / Math.max(1, r.histories.parks)).toFixed(2)],
    [
      'events per run: p50 · p99 · max',
      `${percentile(events, 50)} · ${percentile(events, 99)} · ${events.length ? Math.max(...events) : NaN}`,
    ],
    [
      `schedule lag, policy days (${r.lag.events} events): p50 · p99 · max`,
      `${days(r.lag.p50)} · ${days(r.lag.p99)} · ${days(r.lag.max)}`,
    ],
    ...r.storms.map((w): [string, string] => [
      `storm ${w.action} due ${w.dueWallAt.toISOString()} (${w.cases} parks): drain`,
      s(w.drainMs),
    ]),
    ...r.boundaries.map((b): [string, string] => [
      `1 January ${b.year} boundary (${b.cases} parks): first → last park`,
      s(b.spreadMs),
    ]),
    ['notices: per park-year · duplicates', `${noticesPerParkYear} · ${r.notices.duplicates}`],
    [
      `CPU seconds until the last boundary (of ${(r.wallMs / 1000).toFixed(0)} s × ${availableParallelism()} cores)`,
      r.cpuSeconds.map(([name, seconds]) => `${name} ${seconds.toFixed(0)}`).join(' · '),
    ],
    [
      'worker RSS: base · peak · workflows cached at the peak · MB per cached above the base (each worker)',
      r.memoryPeaks
        .map(
          (p) =>
            `${mb(p.baseRss)} · ${mb(p.rss)} · ${p.cached ?? '?'} · ` +
            (p.cached ? ((p.rss - p.baseRss) / p.cached / 2 ** 20).toFixed(2) : '–'),
        )
        .join(' | '),
    ],
    [
      'PostgreSQL parkflow · Temporal store, per park-year',
      `${(r.parkflowBytes / parkYears / 1024).toFixed(1)} kB · ${(r.temporalBytes / parkYears / 1024).toFixed(1)} kB`,
    ],
    [
      `officer acceptance over HTTP during the run (${r.officer.latenciesMs.length} samples): p50 · p99`,
      `${percentile(r.officer.latenciesMs, 50)} ms · ${percentile(r.officer.latenciesMs, 99)} ms` +
        (r.officer.filingsPending ? ` (${r.officer.filingsPending} filings answered 202, not sampled)` : '') +
        (r.officer.failures.length ? ` (${r.officer.failures.length} failed: ${r.officer.failures[0]})` : ''),
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `| ${k.padEnd(width)} | ${v} |`);
  const refused = r.life.refused.slice(0, 5).map((why) => `  refused: ${why}`);
  return [`| ${'metric'.padEnd(width)} | value |`, `|${'-'.repeat(width + 2)}|-------|`, ...lines, ...refused].join(
    '\n',
  );
}

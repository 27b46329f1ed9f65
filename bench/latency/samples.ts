import { percentile } from '../percentile';
import { PRESENCE, type Segments } from './trace';
import type { ApiMarks } from './probe';

const mean = (samples: number[]): number => samples.reduce((sum, ms) => sum + ms, 0) / samples.length;

/**
 * One table: a row per segment, p50, p90, p99 and mean over the samples, and each segment's share of the total's mean
 * (means add up, as the segments of each sample do; percentiles do not).
 */
export function table(title: string, rows: [label: string, samplesMs: number[]][], totalLabel?: string): string {
  const f = (ms: number): string => ms.toFixed(1).padStart(8);
  const total = rows.find(([label]) => label === totalLabel)?.[1];
  const totalMean = total ? mean(total) : undefined;
  const head = ['p50 ms', 'p90 ms', 'p99 ms', 'mean ms'].map((h) => h.padStart(8)).join('');
  const lines = [`\n${title}`, `${'segment'.padEnd(52)}${head}  share`];
  for (const [label, samples] of rows) {
    const average = mean(samples);
    const share = totalMean && label !== totalLabel ? `${((100 * average) / totalMean).toFixed(0).padStart(4)} %` : '';
    const figures = [percentile(samples, 50), percentile(samples, 90), percentile(samples, 99), average]
      .map(f)
      .join('');
    lines.push(`${label.padEnd(52)}${figures}  ${share}`);
  }
  return lines.join('\n');
}

/**
 * Collects one action's samples: its segments in order, the totals, and two spans within them (not added): the
 * update round trip, and the worker-presence check's own call (sequential before the scope read or beside it).
 */
export class ActionSamples {
  private readonly rows = new Map<string, number[]>();
  readonly totals: number[] = [];
  readonly roundTrips: number[] = [];
  readonly presence: number[] = [];

  add(segments: Segments, total: number, marks: ApiMarks): void {
    for (const [label, ms] of segments) this.rows.set(label, [...(this.rows.get(label) ?? []), ms]);
    this.totals.push(total);
    this.roundTrips.push((marks.pollDone ?? marks.updateDone ?? 0) - (marks.updateSent ?? 0));
    this.presence.push((marks.presenceDone ?? 0) - (marks.presenceSent ?? 0));
  }

  render(title: string): string {
    return table(
      `${title} (n=${this.totals.length})`,
      [
        ...this.rows.entries(),
        ['total: the client waited', this.totals],
        ['of which the update round trip (sent → result)', this.roundTrips],
        [PRESENCE, this.presence],
      ],
      'total: the client waited',
    );
  }
}

import fc from 'fast-check';
import { BACKLOG_BATCH_AT_YEAR_END, nextRunStep, type RunPosition } from '../../workflows/lifecycle/run-step';
import type { DueEvent } from '../../workflows/lifecycle/schedule';

const due = (at: string): DueEvent => ({ series: { key: 'weekly', at: () => at, notices: () => [] }, index: 0, at });
const YEAR_END = '2027-12-31T16:00:00.000Z';
const position = (over: Partial<RunPosition>): RunPosition => ({
  due: undefined,
  now: '2027-06-01T00:00:00.000Z',
  yearEnd: YEAR_END,
  firedPastYearEnd: 0,
  newRunSuggested: false,
  ...over,
});

describe('a run’s next step (issue 13: the year boundary is never starved by due reminders)', () => {
  it('fires what is due, and waits for the earlier of the next due event and the year boundary', () => {
    const now = '2027-06-01T00:00:00.000Z';
    expect(nextRunStep(position({ now, due: due('2027-05-31T00:00:00.000Z') })).kind).toBe('fire');
    expect(nextRunStep(position({ now, due: due('2027-07-01T00:00:00.000Z') }))).toEqual({
      kind: 'wait',
      until: '2027-07-01T00:00:00.000Z',
    });
    expect(nextRunStep(position({ now, due: due('2028-02-01T00:00:00.000Z') }))).toEqual({
      kind: 'wait',
      until: YEAR_END,
    });
    expect(nextRunStep(position({ now, yearEnd: undefined }))).toEqual({ kind: 'wait', until: undefined });
  });

  it('past the boundary, fires at most a batch of the backlog, then continues as new', () => {
    const now = '2028-01-20T00:00:00.000Z';
    const backlog = due('2027-12-01T00:00:00.000Z');
    expect(nextRunStep(position({ now, due: backlog, firedPastYearEnd: BACKLOG_BATCH_AT_YEAR_END - 1 })).kind).toBe(
      'fire',
    );
    expect(nextRunStep(position({ now, due: backlog, firedPastYearEnd: BACKLOG_BATCH_AT_YEAR_END }))).toEqual({
      kind: 'continue-as-new',
      sameReportingYear: false,
    });
    expect(nextRunStep(position({ now, due: undefined }))).toEqual({
      kind: 'continue-as-new',
      sameReportingYear: false,
    });
  });

  it('continues as new within the year when Temporal suggests it, only where the run would otherwise wait', () => {
    const now = '2027-06-01T00:00:00.000Z';
    expect(nextRunStep(position({ now, newRunSuggested: true }))).toEqual({
      kind: 'continue-as-new',
      sameReportingYear: true,
    });
    expect(nextRunStep(position({ now, yearEnd: undefined, newRunSuggested: true }))).toEqual({
      kind: 'continue-as-new',
      sameReportingYear: true,
    });
    // What is due fires first; past the boundary the new run begins a reporting year, suggested or not.
    const dueNow = position({ now, due: due('2027-05-31T00:00:00.000Z'), newRunSuggested: true });
    expect(nextRunStep(dueNow).kind).toBe('fire');
    expect(nextRunStep(position({ now: '2028-01-02T00:00:00.000Z', newRunSuggested: true }))).toEqual({
      kind: 'continue-as-new',
      sameReportingYear: false,
    });
  });

  it('generated backlogs: a run that keeps firing ends within the batch once its boundary has passed', () => {
    const instant = fc
      .integer({ min: Date.parse('2027-01-01'), max: Date.parse('2029-01-01') })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, fc.array(instant, { maxLength: 200 }), (now, dueTimes) => {
        // The run sees a backlog of due events (sorted, as the schedule hands them out) at a fixed policy now.
        const queue = [...dueTimes].sort();
        let fired = 0;
        let firedPast = 0;
        for (;;) {
          const step = nextRunStep(
            position({ now, due: queue[0] ? due(queue[0]) : undefined, firedPastYearEnd: firedPast }),
          );
          if (step.kind !== 'fire') {
            if (now >= YEAR_END) expect(step.kind).toBe('continue-as-new');
            else expect(queue.filter((t) => t <= now)).toEqual([]);
            return;
          }
          queue.shift();
          fired += 1;
          if (now >= YEAR_END) firedPast += 1;
          expect(firedPast).toBeLessThanOrEqual(BACKLOG_BATCH_AT_YEAR_END);
          expect(fired).toBeLessThanOrEqual(dueTimes.length);
        }
      }),
    );
  });
});

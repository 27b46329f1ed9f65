import { planSweep, type SweepFacts } from '../../activities/documents/sweep-plan';

/**
 * Issue 25 item 5: the document sweep's decision. Only what is older than the grace is touched (an upload in flight
 * never is); an object a row names is never a stray; a pending paper its case recorded is marked, never removed.
 */
const NOW = new Date('2026-12-07T10:00:00Z');
const GRACE_MS = 3_600_000;
const ago = (minutes: number): Date => new Date(NOW.getTime() - minutes * 60_000);
const object = (key: string, minutes: number) => ({ key, lastModified: ago(minutes), size: 10 });
const pending = (documentId: string, minutes: number) => ({
  documentId,
  caseId: `case-${documentId}`,
  objectKey: `documents/${documentId}`,
  createdAt: ago(minutes),
});

const facts = (overrides: Partial<SweepFacts>): SweepFacts => ({
  objects: [],
  keysWithRows: new Set(),
  pending: [],
  recordedBySnapshots: [],
  uploads: [],
  ...overrides,
});

describe('the document sweep’s plan (R-DOC-1, issue 25 item 5)', () => {
  it('removes objects no row names once older than the grace; a fresh one, or one a row names, stays', () => {
    const plan = planSweep(
      facts({
        objects: [object('stray-old', 61), object('stray-fresh', 59), object('named-old', 600), object('edge', 60)],
        keysWithRows: new Set(['named-old']),
      }),
      { now: NOW, graceMs: GRACE_MS },
    );
    expect(plan.strays.map((o) => o.key)).toEqual(['stray-old']);
  });

  it('removes pending rows older than the grace that their case never recorded; marks those it recorded', () => {
    const recorded = { documentId: 'p-recorded', uploadedBy: 'district-500112', uploadedAt: '2026-12-07T08:00:00Z' };
    const plan = planSweep(
      facts({
        pending: [pending('p-old', 90), pending('p-fresh', 5), pending('p-recorded', 90)],
        recordedBySnapshots: [recorded],
      }),
      { now: NOW, graceMs: GRACE_MS },
    );
    expect(plan.neverRecorded.map((p) => p.documentId)).toEqual(['p-old']);
    expect(plan.recorded).toEqual([recorded]);
  });

  it('aborts uploads begun longer ago than the grace and never finished; one in flight goes on', () => {
    const plan = planSweep(
      facts({
        uploads: [
          { key: 'documents/a', uploadId: 'u1', initiated: ago(120) },
          { key: 'documents/b', uploadId: 'u2', initiated: ago(1) },
        ],
      }),
      { now: NOW, graceMs: GRACE_MS },
    );
    expect(plan.unfinished).toEqual([{ key: 'documents/a', uploadId: 'u1', initiated: ago(120) }]);
  });

  it('touches nothing when everything is younger than the grace', () => {
    const plan = planSweep(
      facts({
        objects: [object('stray', 1)],
        pending: [pending('p', 1)],
        uploads: [{ key: 'documents/c', uploadId: 'u3', initiated: ago(1) }],
      }),
      { now: NOW, graceMs: GRACE_MS },
    );
    expect(plan).toEqual({ strays: [], neverRecorded: [], recorded: [], unfinished: [] });
  });
});

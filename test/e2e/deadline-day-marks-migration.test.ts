import { createDataSource } from '../../persistence/data-source';
import { CaseDeadlinesRepository } from '../../persistence/repositories/case-deadlines.repository';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import type { CaseSnapshot } from '../../workflows/definitions/case';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { Context } from '../../workflows/lifecycle/outcome';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { pureCase } from '../support/life/pure-case';

/**
 * R-CAL-3 in `GET /v1/deadlines`: the read model keeps how each deadline's day was set. Deadlines written before it
 * did take their marks from their case's recorded snapshot when the migration runs, so none loses what its case view
 * shows; the migration also undoes cleanly.
 */
let db: OwnDatabase;
beforeAll(async () => {
  db = await createOwnDatabase('deadline_marks');
});
afterAll(async () => {
  await db?.drop();
});

const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar: installedCalendar() });

/** A designated case whose first deadline moved off a holiday and whose other deadlines are provisional. */
function markedCase(): CaseSnapshot {
  const state = pureCase(ctx).designatedAt('2026-03-02T02:00:00.000Z');
  const [first, ...rest] = state.deadlines;
  state.deadlines = [
    { ...first, shiftedFrom: '2026-10-01', reason: '国庆节' },
    ...rest.map((d) => ({ ...d, provisional: true as const })),
  ];
  return state;
}

describe('R-CAL-3 the deadlines read model keeps how each day was set', () => {
  it('R-CAL-3 rows written before the marks take them from their case snapshot; undoing drops them', async () => {
    const dataSource = await createDataSource(db.url).initialize();
    try {
      await dataSource.undoLastMigration();
      const snapshot = markedCase();
      expect(snapshot.deadlines.length).toBeGreaterThan(1);
      await new ParkCasesRepository(dataSource).saveUnlessOlder(snapshot);
      for (const d of snapshot.deadlines)
        await dataSource.query(
          'INSERT INTO case_deadlines (case_id, kind, due_at, due_wall_at) VALUES ($1, $2, $3, $3)',
          [snapshot.caseId, d.kind, d.dueAt],
        );

      await dataSource.runMigrations();
      const stored = await new CaseDeadlinesRepository(dataSource).forCase(snapshot.caseId);
      const expected = snapshot.deadlines.map(({ kind, dueAt, shiftedFrom, reason, provisional }) => ({
        kind,
        dueAt,
        dueWallAt: dueAt,
        ...(shiftedFrom && { shiftedFrom, reason }),
        ...(provisional && { provisional }),
      }));
      const order = (a: { kind: string; dueAt: string }, b: { kind: string; dueAt: string }) =>
        a.kind.localeCompare(b.kind) || a.dueAt.localeCompare(b.dueAt);
      expect(stored).toEqual(expected.sort(order));

      await dataSource.undoLastMigration();
      const columns = await dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'case_deadlines' ORDER BY column_name`,
      );
      expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
        'case_id',
        'due_at',
        'due_wall_at',
        'kind',
      ]);
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
  });
});

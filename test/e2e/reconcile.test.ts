import { reconcileReadModel } from '../../scripts/reconcile';
import { caseSnapshotQuery, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { eventually } from '../../tooling/eventually';
import { HttpDriver } from '../../tooling/http/http-driver';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 22 item 3: `npm run reconcile` rebuilds the read model from the cases' own state. Cases filed through the API,
 * their read model damaged as a restore from mismatched dumps would leave it (a row gone, a row newer than its case, a
 * case's deadlines gone, a row with no case behind it); reconcile puts back exactly what the record activity wrote,
 * reports what it changed field by field and the row no workflow stands behind, and a second run changes nothing.
 */
let own: OwnDatabase;
let stack: Stack;
beforeAll(async () => {
  own = await createOwnDatabase('reconcile'); // the report lists every row without a workflow: only this file's
  stack = await startStack({ env: { DATABASE_URL: own.url } });
});
afterAll(async () => {
  await stack?.teardown();
  await own?.drop();
});

/** The read model of a case as SQL sees it: its row and its deadlines. */
async function readModel(caseId: string): Promise<unknown> {
  const rows = await stack.dataSource.query(
    `SELECT case_id, district, park_name, stage, version, snapshot, opened_at, updated_at, designated_at, revoked_at
     FROM park_cases WHERE case_id = $1`,
    [caseId],
  );
  const deadlines = await stack.dataSource.query(
    'SELECT kind, due_at, due_wall_at FROM case_deadlines WHERE case_id = $1 ORDER BY kind, due_at',
    [caseId],
  );
  return { rows, deadlines };
}

/** Until every case's row has its workflow's version: the worker recorded each change. */
async function recorded(caseIds: string[]): Promise<void> {
  await eventually(
    async () => {
      for (const caseId of caseIds) {
        const { version } = await stack.env.client.workflow
          .getHandle(parkCaseWorkflowId(caseId))
          .query(caseSnapshotQuery);
        const [row] = await stack.dataSource.query('SELECT version FROM park_cases WHERE case_id = $1', [caseId]);
        if (row?.version !== version) return false;
      }
      return true;
    },
    'the read model to record every change of the cases',
    30_000,
  );
}

describe('npm run reconcile: the read model rebuilt from the cases', () => {
  it(
    'restores deleted and corrupted rows and deadlines, reports them and the row without a case; ' +
      'a second run changes nothing',
    async () => {
      const driver = new HttpDriver(stack);
      const [gone, newer, noDeadlines, intact] = [
        await driver.file(),
        await driver.underReview(),
        (await driver.designated()).caseId as string,
        await driver.file(),
      ];
      const cases = [gone, newer, noDeadlines, intact];
      await recorded(cases);
      const before = new Map<string, unknown>();
      for (const caseId of cases) before.set(caseId, await readModel(caseId));

      const sql = (text: string, params: unknown[]) => stack.dataSource.query(text, params);
      // a case filed after parkflow's dump: none of its rows (its filing log is not the read model: not rebuilt)
      await sql('DELETE FROM case_submissions WHERE case_id = $1', [gone]);
      await sql('DELETE FROM park_cases WHERE case_id = $1', [gone]); // its deadlines go with it (ON DELETE CASCADE)
      // newer than its case (a read model restored from a later dump than Temporal's): saveUnlessOlder would keep it
      await sql(
        `UPDATE park_cases SET stage = 'designated', version = version + 5,
         snapshot = jsonb_set(snapshot, '{panel}', 'null') WHERE case_id = $1`,
        [newer],
      );
      await sql('DELETE FROM case_deadlines WHERE case_id = $1', [noDeadlines]);
      const ghost = 'reconcile-ghost-case';
      await sql(
        `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, opened_at, updated_at)
       SELECT $2, district, park_name, stage, version, jsonb_set(snapshot, '{caseId}', to_jsonb($2::text)),
              opened_at, updated_at
       FROM park_cases WHERE case_id = $1`,
        [intact, ghost],
      );

      const first = await reconcileReadModel(stack.env.client, stack.dataSource);
      expect(first.checked.map((c) => c.caseId).sort()).toEqual([...cases].sort());
      const changed = new Map(first.changed.map(({ caseId, fields }) => [caseId, fields]));
      expect([...changed.keys()].sort()).toEqual([gone, newer, noDeadlines].sort());
      expect(changed.get(gone)).toEqual(expect.arrayContaining(['row']));
      expect(changed.get(newer)).toEqual(['stage', 'version', 'snapshot.panel']);
      expect(changed.get(noDeadlines)).toEqual(['deadlines']);
      expect({ raced: first.raced, failed: first.failed }).toEqual({ raced: [], failed: [] });
      expect(first.withoutWorkflow).toEqual([
        { caseId: ghost, stage: 'submitted', updatedAt: expect.any(Date), workflow: 'not found' },
      ]);
      for (const caseId of cases)
        expect({ caseId, readModel: await readModel(caseId) }).toEqual({ caseId, readModel: before.get(caseId) });
      // Officers read the read model: the case is back in its stage.
      expect((await driver.ok('GET', `/v1/cases/${newer}`, { token: driver.municipal() })).stage).toBe('under_review');

      const second = await reconcileReadModel(stack.env.client, stack.dataSource);
      expect({
        checked: second.checked.length,
        changed: second.changed,
        raced: second.raced,
        failed: second.failed,
      }).toEqual({
        checked: 4,
        changed: [],
        raced: [],
        failed: [],
      });
      expect(second.withoutWorkflow.map((row) => row.caseId)).toEqual([ghost]); // reported, never deleted
    },
  );
});

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createCaseRecordActivities } from '../../activities/case-records.activities';
import { createDataSource } from '../../persistence/data-source';
import { CaseDeadlinesRepository } from '../../persistence/repositories/case-deadlines.repository';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import type { CaseSnapshot } from '../../workflows/definitions/case';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { newCase } from '../../workflows/lifecycle/intake';

/**
 * Issue 23 item 7: the API writes the case an officer action returned into the read model before it answers, and the
 * workflow records the same change right after (row, deadlines, audit trail). Both go through one version guard, so
 * the record that follows still writes the change's deadlines, and no record delivered late puts an older case (or
 * its deadlines) over a newer one.
 */
const caseId = randomUUID(); // a case of this file's own: the shared database's other rows are never touched
let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await createDataSource(process.env.DATABASE_URL as string).initialize();
});
afterAll(async () => {
  if (!dataSource) return;
  for (const table of ['case_audit', 'case_deadlines', 'park_cases'])
    await dataSource.query(`DELETE FROM ${table} WHERE case_id = $1`, [caseId]);
  await dataSource.destroy();
});

/** The case at `version`, in `stage`, with one deadline due on `due`. */
function snapshotAt(version: number, stage: CaseSnapshot['stage'], due: string): CaseSnapshot {
  const input = { caseId, district: '500112', parkName: '渝北园', policy: DEFAULT_POLICY, policyTimeScale: 1 };
  const opened = newCase(input, Date.parse('2027-01-04T00:00:00Z'), '2027-01-04T00:00:00.000Z');
  return { ...opened, stage, version, deadlines: [{ kind: 'review', dueAt: due }] };
}

/** The workflow's record of the change that left the case as `snapshot` (the record activity the worker runs). */
async function workflowRecords(snapshot: CaseSnapshot): Promise<void> {
  const actor = { id: 'municipal-officer', role: 'municipal' as const };
  const eventId = `${caseId}:v${snapshot.version}`;
  const audit = { eventId, caseId, at: snapshot.updatedAt, actor, action: snapshot.stage, details: {} };
  await createCaseRecordActivities({ dataSource }).recordCaseChange({ snapshot, audit, notices: [] });
}

/** What the read model holds for the case: its version and stage, and its deadlines' due instants. */
async function stored(): Promise<{ version?: number; stage?: string; due: string[] }> {
  const row = await new ParkCasesRepository(dataSource).row(caseId);
  const deadlines = await new CaseDeadlinesRepository(dataSource).forCase(caseId);
  return { version: row?.version, stage: row?.stage, due: deadlines.map((deadline) => deadline.dueAt) };
}

describe('the read model keeps the newest version of a case, whoever writes first', () => {
  const apiWrites = (snapshot: CaseSnapshot) => new ParkCasesRepository(dataSource).saveUnlessOlder(snapshot);
  const submitted = snapshotAt(2, 'submitted', '2027-02-01T16:00:00.000Z');
  const accepted = snapshotAt(3, 'accepted', '2027-03-04T16:00:00.000Z');

  it('the API writes an action’s case; the workflow’s record of the same version adds its deadlines', async () => {
    await workflowRecords(submitted);
    expect(await apiWrites(accepted)).toBe(true);
    expect(await stored()).toEqual({ version: 3, stage: 'accepted', due: ['2027-02-01T16:00:00.000Z'] });
    await workflowRecords(accepted);
    expect(await stored()).toEqual({ version: 3, stage: 'accepted', due: ['2027-03-04T16:00:00.000Z'] });
  });

  it('an older case — the API’s late write, or a record delivered late — changes nothing', async () => {
    expect(await apiWrites(submitted)).toBe(false);
    await workflowRecords(submitted);
    expect(await stored()).toEqual({ version: 3, stage: 'accepted', due: ['2027-03-04T16:00:00.000Z'] });
  });
});

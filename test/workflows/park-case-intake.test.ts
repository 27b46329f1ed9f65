import { temporal } from '@temporalio/proto';
import { caseSnapshotQuery, submitApplicationUpdate } from '../../workflows/definitions/messages';
import { CASE_STAGE_KEY } from '../../workflows/definitions/search-attributes';
import { deadlineDaysAfter } from '../../workflows/definitions/civil-date';
import { expectedDeadline } from '../support/workflows/holiday-calendar';
import { eventually } from '../../tooling/eventually';
import { agencies, validApplication } from '../../tooling/fixtures/applications';
import { recordHistory } from '../support/workflows/histories';
import { fileApplication, startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

const EventType = temporal.api.enums.v1.EventType;
let h: WorkflowHarness;

beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const readModel = (caseId: string) =>
  h.dataSource
    .query('SELECT stage, version, snapshot FROM park_cases WHERE case_id = $1', [caseId])
    .then((rows) => rows[0]);
const filings = (caseId: string) =>
  h.dataSource.query('SELECT submission_no, outcome FROM case_submissions WHERE case_id = $1 ORDER BY submission_no', [
    caseId,
  ]);

describe('park case intake (§5.1, R-APP-1..8)', () => {
  it('R-APP-1..8 met: the case is submitted, recorded in PostgreSQL and tagged CaseStage=submitted', async () => {
    const { caseId, outcome, handle } = await fileApplication(h, validApplication());
    expect(outcome).toEqual({ caseId, stage: 'submitted', deficiencies: [], flags: [] });
    // Answered first, recorded right after (issue 23 item 7).
    await eventually(async () => (await readModel(caseId))?.version === 1, 'the filing recorded');
    expect(await readModel(caseId)).toMatchObject({ stage: 'submitted', version: 1 });
    expect(await filings(caseId)).toEqual([{ submission_no: 1, outcome: 'submitted' }]);
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(CASE_STAGE_KEY)).toBe('submitted');
    expect((await handle.query(caseSnapshotQuery)).stage).toBe('submitted');
  });

  it(
    'R-APP-3 broken and R-APP-4 short (in principle): returned with the ' +
      'deficiency and the flag, then lapsed at the end of day 30 (R-CAL-2)',
    async () => {
      const app = validApplication({ agencies: agencies(14), floorAreaSqm: 7999 });
      const { caseId, outcome, handle } = await fileApplication(h, app);
      expect(outcome.stage).toBe('returned');
      expect(outcome.deficiencies.map((d) => d.rule)).toEqual(['R-APP-3']);
      expect(outcome.flags.map((d) => d.rule)).toEqual(['R-APP-4']);
      const returned = await handle.query(caseSnapshotQuery);
      // R-CAL-2 day 30 at 24:00, moved to the first working day after it when that is a rest day (R-CAL-3).
      const deadline = expectedDeadline('resubmission', deadlineDaysAfter(returned.updatedAt, 30));
      expect(returned.deadlines).toEqual([deadline]);
      expect(deadline.dueAt).toMatch(/T16:00:00\.000Z$/);

      const final = await handle.result(); // the time-skipping server jumps the 30 policy days
      expect(final.stage).toBe('lapsed');
      expect(Date.parse(final.updatedAt) - Date.parse(returned.updatedAt)).toBeGreaterThanOrEqual(30 * 86_400_000);
      expect(final.updatedAt >= deadline.dueAt).toBe(true); // not before the moved deadline
      expect(await readModel(caseId)).toMatchObject({ stage: 'lapsed' });
      expect((await handle.describe()).typedSearchAttributes.get(CASE_STAGE_KEY)).toBe('lapsed');
      await recordHistory('returned-then-lapsed', handle);
    },
  );

  it('returned → resubmitted within the window: R-APP-1..8 run again and the case is submitted', async () => {
    const { caseId, handle } = await fileApplication(h, validApplication({ agencies: agencies(10) }));
    await h.env.sleep('20 days');
    const corrected = await handle.executeUpdate(submitApplicationUpdate, {
      args: [
        { application: validApplication(), actor: { id: 'district-officer', role: 'district', district: '500112' } },
      ],
    });
    expect(corrected).toEqual({ caseId, stage: 'submitted', deficiencies: [], flags: [] });
    await h.env.sleep('15 days'); // past the first window: a submitted case does not lapse
    expect((await handle.query(caseSnapshotQuery)).stage).toBe('submitted');
    expect(await filings(caseId)).toEqual([
      { submission_no: 1, outcome: 'returned' },
      { submission_no: 2, outcome: 'submitted' },
    ]);
  });

  it(
    'a filing in a stage that does not allow it is ' + 'rejected (InvalidStage) and leaves no event in history',
    async () => {
      const { handle } = await fileApplication(h, validApplication());
      const again = handle.executeUpdate(submitApplicationUpdate, {
        args: [
          { application: validApplication(), actor: { id: 'district-officer', role: 'district', district: '500112' } },
        ],
      });
      await expect(again).rejects.toMatchObject({
        cause: { type: 'InvalidStage', details: [{ stage: 'submitted', action: 'submitApplication' }] },
      });
      const { events } = await handle.fetchHistory();
      const updateEvents = (events ?? []).filter((e) =>
        [
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
        ].includes(e.eventType as number),
      );
      expect(updateEvents).toHaveLength(2); // accepted + completed of the first filing only
    },
  );

  it('POLICY_TIME_SCALE 86400: a policy day lasts a second, so the returned case lapses after 30 s', async () => {
    const { handle } = await fileApplication(h, validApplication({ operatingOffice: { staff: [] } }), {
      policyTimeScale: 86_400,
    });
    await h.env.sleep('29 seconds');
    expect((await handle.query(caseSnapshotQuery)).stage).toBe('returned');
    await h.env.sleep('2 seconds');
    const final = await handle.result();
    expect(final.stage).toBe('lapsed');
    expect(final.deficiencies.map((d) => d.rule)).toEqual(['R-APP-6']);
  });
});

import { parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { eventually } from '../../tooling/eventually';
import { validApplication } from '../../tooling/fixtures/applications';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * issue 10, item 3 ("Ghost cases" / "No ghosts"): the API never terminates a case it started. A filing whose
 * wait runs out is answered 202 naming its caseId; the case completes once a worker takes it; a retry with the
 * same Idempotency-Key answers for the same case — never a second one.
 */
const UPDATE_WAIT_MS = 1500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ updateWaitMs: UPDATE_WAIT_MS });
});
afterAll(async () => {
  await stack?.teardown();
});
afterEach(async () => {
  await stack.startWorker();
});

const workflowStatus = async (caseId: string): Promise<string> =>
  (await stack.env.client.workflow.getHandle(parkCaseWorkflowId(caseId)).describe()).status.name;
const runsOf = async (caseId: string): Promise<string[]> => {
  const runs: string[] = [];
  for await (const execution of stack.env.client.workflow.list({
    query: `WorkflowId = '${parkCaseWorkflowId(caseId)}'`,
  }))
    runs.push(execution.status.name);
  return runs;
};

describe('item 3: no ghost cases', () => {
  it(
    'a filing sent while no worker takes tasks answers 202 naming caseId and ' +
      'updateId; nothing is terminated; the case appears submitted once a worker runs',
    async () => {
      const district = '500112';
      const token = stack.token('district', district, `district-${district}`);
      const parkName = '无人值守时提交的产业园';
      // The worker died a moment ago without a word: its heartbeat and the server's poller record still count it, so
      // the API sends the action — but nobody takes the task.
      await stack.crashWorker();
      const filed = await stack.call('POST', '/v1/applications', {
        token,
        body: validApplication({ district, parkName }),
      });
      expect({ status: filed.status, body: filed.body }).toEqual({
        status: 202,
        body: {
          caseId: expect.stringMatching(UUID),
          updateId: expect.any(String),
          status: 'accepted',
          message: expect.stringContaining('结果尚不可知'), // its outcome is not known yet
        },
      });
      const { caseId, updateId } = filed.body;
      expect(filed.body.message).toContain(`GET /v1/cases/${caseId}/actions/${updateId}`);
      // The case was started and left alone: running, not terminated.
      expect(await workflowStatus(caseId)).toBe('RUNNING');
      const pending = await stack.call('GET', `/v1/cases/${caseId}/actions/${updateId}`, { token });
      expect({ status: pending.status, body: pending.body }).toEqual({
        status: 200,
        body: { caseId, updateId, status: 'running' },
      });

      await stack.startWorker();
      let view: any;
      await eventually(
        async () => {
          const response = await stack.call('GET', `/v1/cases/${caseId}`, { token });
          view = response.body;
          return response.status === 200 && view.stage === 'submitted';
        },
        'the filed case to appear submitted once a worker runs',
        30_000,
      );
      expect(view).toMatchObject({ caseId, district, parkName, stage: 'submitted' });
      expect(await workflowStatus(caseId)).toBe('RUNNING');
      expect(await runsOf(caseId)).toEqual(['RUNNING']);
      // The filing's update is the case's first action: its outcome is known by its id.
      const outcome = await stack.call('GET', `/v1/cases/${caseId}/actions/${updateId}`, { token });
      expect({ status: outcome.status, body: outcome.body }).toMatchObject({
        status: 200,
        body: { caseId, updateId, status: 'applied', case: { caseId, stage: 'submitted' } },
      });
    },
  );

  it(
    'a filing retried with the same Idempotency-Key (after a 202 whose stored ' +
      'answer is gone) re-attaches: the same caseId, its real outcome, exactly one case',
    async () => {
      const district = '500103';
      const token = stack.token('district', district, `district-${district}`);
      const parkName = '重试不产生第二个案件的产业园';
      const key = 'no-ghosts-filing-1';
      const file = () =>
        stack.call('POST', '/v1/applications', {
          token,
          body: validApplication({ district, parkName }),
          headers: { 'Idempotency-Key': key },
        });
      // The stored answer of the key is lost (the API died before storing it, or its record was dropped): the
      // retry runs again and must reach the same Temporal workflow and update.
      const forgetKey = () => stack.dataSource.query('DELETE FROM idempotency_keys WHERE key = $1', [key]);

      await stack.crashWorker();
      const first = await file();
      expect({ status: first.status, body: first.body }).toEqual({
        status: 202,
        body: {
          caseId: expect.stringMatching(UUID),
          updateId: expect.any(String),
          status: 'accepted',
          message: expect.any(String),
        },
      });
      const { caseId, updateId } = first.body;
      expect(await workflowStatus(caseId)).toBe('RUNNING');

      // Still no worker: the retry re-attaches to the running case (not 409, not a second case) and answers 202 again.
      await forgetKey();
      const second = await file();
      expect({ status: second.status, body: second.body }).toEqual({
        status: 202,
        body: { caseId, updateId, status: 'accepted', message: expect.any(String) },
      });
      expect(second.headers.get('idempotent-replayed')).toBeNull();

      // A worker runs again: the retry gets the filing's real outcome, for the same case. A worker that has just
      // started may take longer than UPDATE_WAIT_MS on a loaded machine: each 202 in between names the same case and
      // update, and the client retries with its key (bounded), as the contract tells it to.
      await stack.startWorker();
      await forgetKey();
      let third = await file();
      await eventually(
        async () => {
          if (third.status !== 202) return true;
          expect(third.body).toMatchObject({ caseId, updateId, status: 'accepted' });
          await forgetKey(); // as before: this test's client has lost every stored answer
          third = await file();
          return third.status !== 202;
        },
        'the retry to get the filing’s outcome once a worker runs',
        30_000,
      );
      expect({ status: third.status, body: third.body }).toMatchObject({
        status: 201,
        body: { caseId, stage: 'submitted' },
      });
      expect(third.headers.get('idempotent-replayed')).toBeNull();

      await eventually(
        async () => (await stack.call('GET', `/v1/cases/${caseId}`, { token })).status === 200,
        'the case in the read model',
        30_000,
      );
      const list = await stack.call('GET', '/v1/cases', { token });
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: any) => ({ caseId: c.caseId, parkName: c.parkName, stage: c.stage }))).toEqual([
        { caseId, parkName, stage: 'submitted' },
      ]);
      expect(await runsOf(caseId)).toEqual(['RUNNING']);
    },
  );
});

import { validApplication } from '../../tooling/fixtures/applications';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withWorker: false, updateWaitMs: 1500 });
});
afterAll(async () => {
  await stack?.teardown();
});

describe('officer actions with no worker polling', () => {
  it('filing answers 503 worker_unavailable at once, and starts no case', async () => {
    const parkName = '无人处理的申请';
    const { status, body } = await stack.call('POST', '/v1/applications', {
      token: stack.token('district', '500112'),
      body: validApplication({ parkName }),
      headers: { 'Accept-Language': 'en' },
    });
    expect(status).toBe(503);
    expect(body).toMatchObject({
      error: 'worker_unavailable',
      message: expect.stringContaining(
        "no parkflow worker is polling task queue 'parkflow-e2e'; the action was not sent",
      ),
    });
    expect(await stack.dataSource.query('SELECT 1 FROM park_cases WHERE park_name = $1', [parkName])).toEqual([]);
    const started: string[] = [];
    for await (const execution of stack.env.client.workflow.list({ query: `WorkflowType = 'parkCaseWorkflow'` }))
      started.push(execution.workflowId);
    expect(started).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ParkCaseInput } from '../../workflows/definitions/case';
import { PARK_CASE_WORKFLOW_TYPE, parkCaseWorkflowId, policyClockQuery } from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { compiledBuild, REPO_ROOT } from '../support/jest/compiled-build';
import { validApplication } from '../../tooling/fixtures/applications';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

const build = compiledBuild();
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POLICY_CLOCK_ADJUSTABLE: 'true' } });
});
afterAll(async () => {
  await stack?.teardown();
});

/**
 * `npm run policy-clock -- <args>` as its compiled script, against the stack's Temporal. Asynchronous: the stack's
 * worker runs in this process and must take the signal while the command waits for it.
 */
function policyClock(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(build, 'scripts', 'policy-clock.cli.js'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TEMPORAL_ADDRESS: stack.config.TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE: 'default' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('npm run policy-clock (issue 21: the policy clock of training and test stacks)', () => {
  it('moves an adjustable case forward and prints the outcome in one line; the audit trail records it', async () => {
    const filed = await stack.call('POST', '/v1/applications', {
      token: stack.token('district', '500112'),
      body: validApplication(),
    });
    expect(filed.status).toBe(201);
    const caseId: string = filed.body.caseId;

    const moved = await policyClock('--case', caseId, '--days', '30');
    expect(moved).toMatchObject({ status: 0, stderr: '' });
    expect(moved.stdout).toMatch(
      new RegExp(`^case ${caseId}: policy clock moved 30 day\\(s\\) forward, from \\S+ to \\S+ \\(30 day\\(s\\) ahead`),
    );
    expect(moved.stdout.trim().split('\n')).toHaveLength(1);
    const audit = await stack.dataSource.query('SELECT details FROM case_audit WHERE case_id = $1 AND action = $2', [
      caseId,
      'policy_clock_advanced',
    ]);
    expect(audit).toEqual([{ details: { days: 30, from: expect.any(String), to: expect.any(String) } }]);
  });

  it('refuses with exit status 2 and a message: an unknown case, a fixed clock, bad arguments', async () => {
    const unknown = await policyClock('--case', 'no-such-case', '--days', '30');
    expect(unknown).toMatchObject({ status: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^no case no-such-case: workflow park-case-no-such-case not found/);

    for (const days of ['0', '3661', '1.5', 'soon']) {
      const bad = await policyClock('--case', 'any', '--days', days);
      expect(bad).toMatchObject({ status: 2, stdout: '' });
      expect(bad.stderr).toMatch(/^--days must be a whole number of policy days from 1 to 3660, got /);
    }
    // A case started without the flag (a production API's): the command says so and sends nothing.
    const input: ParkCaseInput = {
      caseId: randomUUID(),
      district: '500112',
      parkName: '渝北园',
      policy: DEFAULT_POLICY,
      policyTimeScale: 1,
    };
    const fixed = await stack.env.client.workflow.start(PARK_CASE_WORKFLOW_TYPE, {
      args: [input],
      workflowId: parkCaseWorkflowId(input.caseId),
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    });
    const refused = await policyClock('--case', input.caseId, '--days', '30');
    expect(refused).toMatchObject({ status: 2, stdout: '' });
    expect(refused.stderr).toMatch(
      new RegExp(`^case ${input.caseId} was not started with POLICY_CLOCK_ADJUSTABLE=true`),
    );
    expect(await fixed.query(policyClockQuery)).toMatchObject({ adjustable: false, advancedDays: 0 });

    const missing = await policyClock('--days', '30');
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringMatching(/^--case <caseId> is required/) });
  });
});

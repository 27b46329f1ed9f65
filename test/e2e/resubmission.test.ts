import { validApplication } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack-harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.teardown();
});

const yubei = () => stack.token('district', '500112');
const fileReturned = async () => {
  const filed = await stack.call('POST', '/v1/applications', { token: yubei(), body: validApplication({ floorAreaSqm: 6000 }) });
  expect(filed.body.stage).toBe('returned');
  return filed.body.caseId as string;
};

describe('POST /v1/cases/{caseId}/resubmission (§5.1)', () => {
  it('R-APP-1..7 run again on the corrected application: returned → submitted', async () => {
    const caseId = await fileReturned();
    const resubmitted = await stack.call('POST', `/v1/cases/${caseId}/resubmission`, { token: yubei(), body: validApplication() });
    expect(resubmitted).toMatchObject({ status: 200, body: { caseId, stage: 'submitted', deficiencies: [] } });
    const read = await stack.call('GET', `/v1/cases/${caseId}`, { token: yubei() });
    expect(read.body).toMatchObject({ stage: 'submitted', submissionCount: 2, deadlines: [] });
    const history = await stack.call('GET', `/v1/cases/${caseId}/history`, { token: yubei() });
    expect(history.body.items.map((e: { action: string; actor: { id: string } }) => [e.action, e.actor.id])).toEqual([
      ['application_filed', 'district-officer'],
      ['application_resubmitted', 'district-officer'],
    ]);
  });

  it('a still-deficient resubmission stays returned and lists what is still wrong', async () => {
    const caseId = await fileReturned();
    const again = await stack.call('POST', `/v1/cases/${caseId}/resubmission`, { token: yubei(), body: validApplication({ floorAreaSqm: 7000 }) });
    expect(again.status).toBe(200);
    expect(again.body.stage).toBe('returned');
    expect(again.body.deficiencies.map((d: { rule: string }) => d.rule)).toEqual(['R-APP-4']);
  });

  it('resubmitting a submitted case is 409 invalid_stage naming the current stage, and changes nothing', async () => {
    const filed = await stack.call('POST', '/v1/applications', { token: yubei(), body: validApplication() });
    const refused = await stack.call('POST', `/v1/cases/${filed.body.caseId}/resubmission`, { token: yubei(), body: validApplication() });
    expect(refused).toMatchObject({ status: 409, body: { error: 'invalid_stage', message: expect.stringContaining('current stage: submitted') } });
    const read = await stack.call('GET', `/v1/cases/${filed.body.caseId}`, { token: yubei() });
    expect(read.body.submissionCount).toBe(1);
  });

  it("another district's case is 404, and an unknown case id is 404", async () => {
    const caseId = await fileReturned();
    const foreign = await stack.call('POST', `/v1/cases/${caseId}/resubmission`, { token: stack.token('district', '500103'), body: validApplication({ district: '500103' }) });
    expect(foreign.status).toBe(404);
    const unknown = await stack.call('POST', '/v1/cases/00000000-0000-4000-8000-000000000000/resubmission', { token: yubei(), body: validApplication() });
    expect(unknown.status).toBe(404);
  });

  it('a malformed resubmission is 422 and the case keeps its stage', async () => {
    const caseId = await fileReturned();
    const bad = await stack.call('POST', `/v1/cases/${caseId}/resubmission`, { token: yubei(), body: { ...validApplication(), agencies: 'many' } });
    expect(bad.status).toBe(422);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'agencies' })]));
    expect((await stack.call('GET', `/v1/cases/${caseId}`, { token: yubei() })).body.stage).toBe('returned');
  });
});

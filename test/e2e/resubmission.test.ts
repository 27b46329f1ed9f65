import { agencies, validApplication } from '../../tooling/fixtures/applications';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.teardown();
});

const yubei = () => stack.token('district', '500112');
/** The deficiency texts below are asserted in English (api-contract "Language"); the default is Chinese. */
const EN = { 'Accept-Language': 'en' };
/**
 * A returned case: 10 resident agencies break R-APP-3 (§4.3, at least 15), which returns an application. (A small
 * floor area no longer does: R-APP-4 holds *in principle* and is only a flag, see policy-edges-api.test.ts.)
 */
const fileReturned = async () => {
  const filed = await stack.call('POST', '/v1/applications', {
    token: yubei(),
    body: validApplication({ agencies: agencies(10, '500112') }),
    headers: EN,
  });
  expect(filed.status).toBe(201);
  expect(filed.body).toEqual({
    caseId: expect.any(String),
    stage: 'returned',
    deficiencies: [
      {
        rule: 'R-APP-3',
        field: 'agencies',
        message: expect.stringContaining('10 distinct resident agencies; at least 15'),
      },
    ],
    flags: [],
  });
  return filed.body.caseId as string;
};

describe('POST /v1/cases/{caseId}/resubmission (§5.1)', () => {
  it('R-APP-1..8 run again on the corrected application: returned → submitted', async () => {
    const caseId = await fileReturned();
    const resubmitted = await stack.call('POST', `/v1/cases/${caseId}/resubmission`, {
      token: yubei(),
      body: validApplication(),
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toEqual({ caseId, stage: 'submitted', deficiencies: [], flags: [] });
    const read = await stack.call('GET', `/v1/cases/${caseId}`, { token: yubei() });
    expect(read.body).toMatchObject({
      stage: 'submitted',
      submissionCount: 2,
      deadlines: [],
      deficiencies: [],
      flags: [],
    });
    const history = await stack.call('GET', `/v1/cases/${caseId}/history`, { token: yubei() });
    expect(history.body.items.map((e: { action: string; actor: { id: string } }) => [e.action, e.actor.id])).toEqual([
      ['application_filed', 'district-officer'],
      ['application_resubmitted', 'district-officer'],
    ]);
  });

  it('a still-deficient resubmission stays returned and lists what is still wrong', async () => {
    const caseId = await fileReturned();
    // 14 agencies: better than 10, still one short of R-APP-3's 15; the answer judges the new roster, not the old.
    const again = await stack.call('POST', `/v1/cases/${caseId}/resubmission`, {
      token: yubei(),
      body: validApplication({ agencies: agencies(14, '500112') }),
      headers: EN,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      caseId,
      stage: 'returned',
      deficiencies: [
        {
          rule: 'R-APP-3',
          field: 'agencies',
          message: expect.stringContaining('14 distinct resident agencies; at least 15'),
        },
      ],
      flags: [],
    });
    const read = await stack.call('GET', `/v1/cases/${caseId}`, { token: yubei(), headers: EN });
    expect(read.body).toMatchObject({ stage: 'returned', submissionCount: 2, deficiencies: again.body.deficiencies });
  });

  it('resubmitting a submitted case is 409 invalid_stage naming the current stage, and changes nothing', async () => {
    const filed = await stack.call('POST', '/v1/applications', { token: yubei(), body: validApplication() });
    const refused = await stack.call('POST', `/v1/cases/${filed.body.caseId}/resubmission`, {
      token: yubei(),
      body: validApplication(),
    });
    expect(refused).toMatchObject({
      status: 409,
      body: { error: 'invalid_stage', message: expect.stringContaining('当前阶段：submitted（已申报）') },
    });
    const read = await stack.call('GET', `/v1/cases/${filed.body.caseId}`, { token: yubei() });
    expect(read.body.submissionCount).toBe(1);
  });

  it("another district's case is 404, and an unknown case id is 404", async () => {
    const caseId = await fileReturned();
    const foreign = await stack.call('POST', `/v1/cases/${caseId}/resubmission`, {
      token: stack.token('district', '500103'),
      body: validApplication({ district: '500103' }),
    });
    expect(foreign.status).toBe(404);
    const unknown = await stack.call('POST', '/v1/cases/00000000-0000-4000-8000-000000000000/resubmission', {
      token: yubei(),
      body: validApplication(),
    });
    expect(unknown.status).toBe(404);
  });

  it('a malformed resubmission is 422 and the case keeps its stage', async () => {
    const caseId = await fileReturned();
    const bad = await stack.call('POST', `/v1/cases/${caseId}/resubmission`, {
      token: yubei(),
      body: { ...validApplication(), agencies: 'many' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'agencies' })]));
    expect((await stack.call('GET', `/v1/cases/${caseId}`, { token: yubei() })).body.stage).toBe('returned');
  });
});

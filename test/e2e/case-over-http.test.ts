import { CASE_STAGE_KEY, DISTRICT_KEY } from '../../workflows/definitions/search-attributes';
import { parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { eventually } from '../../tooling/eventually';
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
/** The deficiency and validation texts below are asserted in English (api-contract "Language"). */
const EN = { 'Accept-Language': 'en' };

describe('walking skeleton over HTTP (API + worker + dev server + PostgreSQL)', () => {
  it('GET /health/ready is 200 with PostgreSQL, Temporal and a polling worker; no token needed', async () => {
    await eventually(async () => (await stack.call('GET', '/health/ready')).status === 200, 'the worker to poll');
    const { status, body } = await stack.call('GET', '/health/ready');
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      checks: {
        postgres: { status: 'up' },
        temporal: { status: 'up' },
        worker: { status: 'up' },
        object_store: { status: 'up' }, // issue 25: reported, never a reason to be unready
        // issue 13: how late the schedule's events were recorded lately — a warning, never unready
        schedule: expect.objectContaining({ status: expect.stringMatching(/^(up|lagging)$/), windowSeconds: 300 }),
      },
    });
  });

  it(
    'a valid application is 201 submitted, readable at GET ' +
      '/v1/cases/{id}, and visible to ops by CaseStage and District',
    async () => {
      const filed = await stack.call('POST', '/v1/applications', { token: yubei(), body: validApplication() });
      expect(filed.status).toBe(201);
      expect(filed.body).toEqual({ caseId: expect.any(String), stage: 'submitted', deficiencies: [], flags: [] });

      const read = await stack.call('GET', `/v1/cases/${filed.body.caseId}`, { token: yubei() });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        caseId: filed.body.caseId,
        stage: 'submitted',
        district: '500112',
        parkName: '渝北人力资源服务产业园',
        deficiencies: [],
        flags: [],
      });

      const description = await stack.env.client.workflow.getHandle(parkCaseWorkflowId(filed.body.caseId)).describe();
      expect(description.typedSearchAttributes.get(CASE_STAGE_KEY)).toBe('submitted');
      expect(description.typedSearchAttributes.get(DISTRICT_KEY)).toBe('500112');
      expect(await description.staticSummary()).toBe('渝北人力资源服务产业园 (500112)');
    },
  );

  it(
    '14 agencies and 7,999 m² make a returned case: ' +
      'deficiency R-APP-3, and R-APP-4 (in principle) ' +
      'only as a flag',
    async () => {
      const r3 = {
        rule: 'R-APP-3',
        field: 'agencies',
        message: expect.stringContaining('14 distinct resident agencies; at least 15'),
      };
      const r4 = {
        rule: 'R-APP-4',
        field: 'floorAreaSqm',
        message: expect.stringContaining('7999 m²; at least 8000 m²'),
      };
      const filed = await stack.call('POST', '/v1/applications', {
        token: yubei(),
        body: validApplication({ agencies: agencies(14), floorAreaSqm: 7999 }),
        headers: EN,
      });
      expect(filed.status).toBe(201);
      expect(filed.body).toEqual({ caseId: expect.any(String), stage: 'returned', deficiencies: [r3], flags: [r4] });
      const read = await stack.call('GET', `/v1/cases/${filed.body.caseId}`, {
        token: stack.token('municipal'),
        headers: EN,
      });
      expect(read.body).toMatchObject({
        stage: 'returned',
        deadlines: [{ kind: 'resubmission', dueAt: expect.any(String) }],
        deficiencies: [r3],
        flags: [r4],
      });

      // 7,999 m² alone returns nothing: the case is submitted, the shortfall flagged for the municipal bureau.
      const flagged = await stack.call('POST', '/v1/applications', {
        token: yubei(),
        body: validApplication({ floorAreaSqm: 7999 }),
        headers: EN,
      });
      expect(flagged.status).toBe(201);
      expect(flagged.body).toEqual({ caseId: expect.any(String), stage: 'submitted', deficiencies: [], flags: [r4] });
      const readFlagged = await stack.call('GET', `/v1/cases/${flagged.body.caseId}`, {
        token: stack.token('municipal'),
        headers: EN,
      });
      expect(readFlagged.body).toMatchObject({ stage: 'submitted', deadlines: [], deficiencies: [], flags: [r4] });
    },
  );

  it('a null document is a deficiency (R-APP-1), not a 422', async () => {
    const app = validApplication();
    app.documents.districtGovernmentLetter = null;
    const filed = await stack.call('POST', '/v1/applications', { token: yubei(), body: app });
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({
      caseId: expect.any(String),
      stage: 'returned',
      deficiencies: [expect.objectContaining({ rule: 'R-APP-1', field: 'documents.districtGovernmentLetter' })],
      flags: [],
    });
  });

  it('wrong types, unknown fields and a bad credit code are 422 with one detail per field', async () => {
    const body = { ...validApplication(), floorAreaSqm: '12000', extra: true } as Record<string, unknown>;
    (body.agencies as Array<{ creditCode: string }>)[0].creditCode = '91500112MA5U00003Q';
    const { status, body: error } = await stack.call('POST', '/v1/applications', { token: yubei(), body, headers: EN });
    expect(status).toBe(422);
    expect(error.error).toBe('validation_failed');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'floorAreaSqm' }),
        expect.objectContaining({ field: 'extra', message: 'extra: unknown field' }),
        expect.objectContaining({ field: 'agencies.0.creditCode', rule: 'R-APP-3' }),
      ]),
    );
  });

  it('a missing parkName is 422 naming the field', async () => {
    const { parkName: _omitted, ...body } = validApplication();
    const { status, body: error } = await stack.call('POST', '/v1/applications', { token: yubei(), body });
    expect(status).toBe(422);
    expect(error.details.map((d: { field: string }) => d.field)).toContain('parkName');
  });

  it('no token is 401; a bad token is 401; a token for an unknown district is 401', async () => {
    expect((await stack.call('POST', '/v1/applications', { body: validApplication() })).status).toBe(401);
    expect(
      (await stack.call('POST', '/v1/applications', { token: 'not-a-jwt', body: validApplication() })).status,
    ).toBe(401);
    const unknownDistrict = await stack.call('GET', '/v1/districts', { token: stack.token('district', '110101') });
    expect(unknownDistrict).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('a district officer filing for another district is 403; a municipal officer may not file (403)', async () => {
    const foreign = await stack.call('POST', '/v1/applications', {
      token: stack.token('district', '500103'),
      body: validApplication(),
    });
    expect(foreign).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const municipal = await stack.call('POST', '/v1/applications', {
      token: stack.token('municipal'),
      body: validApplication(),
    });
    expect(municipal.status).toBe(403);
  });

  it("another district's case is 404 to a district officer (its existence is not revealed)", async () => {
    const filed = await stack.call('POST', '/v1/applications', { token: yubei(), body: validApplication() });
    const peek = await stack.call('GET', `/v1/cases/${filed.body.caseId}`, {
      token: stack.token('district', '500103'),
    });
    expect(peek).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('GET /v1/districts lists Chongqing districts, Liangjiang and Wansheng included', async () => {
    const { status, body } = await stack.call('GET', '/v1/districts', { token: yubei() });
    expect(status).toBe(200);
    const codes = body.items.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['500103', '500112', '500191', '500192']));
    expect(codes).toHaveLength(40);
  });
});

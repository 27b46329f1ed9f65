import { CASE_ROUTE_ACTION_NAMES, OFFICER_ACTIONS, caseActionPath } from '../../workflows/definitions/officer-actions';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

// Districts no other test file files in: the suites share one database, so every list assertion is scoped.
const TONGLIANG = '500151';
const TONGNAN = '500152';
let stack: Stack;
let yubei: HttpDriver;
let yuzhong: HttpDriver;
const ids: { yubeiSubmitted: string[]; yubeiDesignated?: any; yuzhongSubmitted?: string } = { yubeiSubmitted: [] };
beforeAll(async () => {
  stack = await startStack();
  yubei = new HttpDriver(stack, TONGLIANG);
  yuzhong = new HttpDriver(stack, TONGNAN);
  for (let i = 0; i < 3; i += 1) ids.yubeiSubmitted.push(await yubei.file());
  ids.yubeiDesignated = await yubei.designated();
  ids.yuzhongSubmitted = await yuzhong.file();
});
afterAll(async () => {
  await stack?.teardown();
});

/** Follows `nextCursor` to the end. */
async function allPages(driver: HttpDriver, path: string, token: string): Promise<{ pages: number; items: any[] }> {
  const items: any[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { items: any[]; nextCursor: string | null } = await driver.ok(
      'GET',
      `${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    items.push(...page.items);
    pages += 1;
    cursor = page.nextCursor;
  } while (cursor);
  return { pages, items };
}

describe('GET /v1/cases: scoped, filtered, cursor-paged', () => {
  it(
    'a district officer pages through exactly their ' + 'district’s cases, newest first, with no duplicates',
    async () => {
      const { pages, items } = await allPages(yubei, '/v1/cases?limit=2', yubei.districtToken());
      expect(pages).toBe(2);
      const caseIds = items.map((c) => c.caseId);
      expect(new Set(caseIds).size).toBe(caseIds.length);
      expect([...caseIds].sort()).toEqual([...ids.yubeiSubmitted, ids.yubeiDesignated.caseId].sort());
      expect(items.every((c) => c.district === TONGLIANG)).toBe(true);
      const opened = items.map((c) => c.openedAt);
      expect(opened).toEqual([...opened].sort().reverse());
    },
  );

  it('filters by stage and district; municipal sees every district', async () => {
    const designated = await yubei.ok('GET', `/v1/cases?stage=designated&district=${TONGLIANG}`, {
      token: yubei.municipal(),
    });
    expect(designated.items.map((c: { caseId: string }) => c.caseId)).toEqual([ids.yubeiDesignated.caseId]);
    expect(designated.items[0]).toMatchObject({
      stage: 'designated',
      overdue: false,
      nextDeadline: { kind: 'payment_confirmation' },
    });
    const yuzhongCases = await yubei.ok('GET', `/v1/cases?district=${TONGNAN}`, { token: yubei.municipal() });
    expect(yuzhongCases.items.map((c: { caseId: string }) => c.caseId)).toEqual([ids.yuzhongSubmitted]);
    expect(
      (await yubei.ok('GET', `/v1/cases?overdue=true&district=${TONGLIANG}`, { token: yubei.municipal() })).items,
    ).toEqual([]);
  });

  it('an expert lists only the cases whose panel they sit on', async () => {
    const listed = await allPages(yubei, '/v1/cases', yubei.expert('expert-li'));
    expect(listed.items.map((c: { caseId: string }) => c.caseId)).toContain(ids.yubeiDesignated.caseId);
    expect(listed.items.every((c: { stage: string }) => !['submitted', 'accepted'].includes(c.stage))).toBe(true);
    expect(listed.items.map((c: { caseId: string }) => c.caseId)).not.toContain(ids.yubeiSubmitted[0]);
  });
});

describe('GET /v1/deadlines', () => {
  it('lists the caller’s deadlines earliest first, bounded by from/to (policy dates)', async () => {
    const all = await yubei.ok('GET', `/v1/deadlines?district=${TONGLIANG}`, { token: yubei.municipal() });
    const dueDates = all.items.map((d: { dueAt: string }) => d.dueAt);
    expect(dueDates).toEqual([...dueDates].sort());
    const confirmation = all.items.find(
      (d: { caseId: string; kind: string }) =>
        d.caseId === ids.yubeiDesignated.caseId && d.kind === 'payment_confirmation',
    );
    expect(confirmation).toMatchObject({
      district: TONGLIANG,
      overdue: false,
      // The case's own deadline: confirmBy, or the working day after it when that is a rest day (R-CAL-3).
      dueAt: ids.yubeiDesignated.deadlines.find((d: { kind: string }) => d.kind === 'payment_confirmation').dueAt,
    });
    const window = await yubei.ok(
      'GET',
      `/v1/deadlines?district=${TONGLIANG}&from=${encodeURIComponent(confirmation.dueAt)}` +
        `&to=${encodeURIComponent(confirmation.dueAt)}`,
      { token: yubei.municipal() },
    );
    expect(window.items.map((d: { kind: string }) => d.kind)).toContain('payment_confirmation');
    expect(window.items.every((d: { dueAt: string }) => d.dueAt === confirmation.dueAt)).toBe(true);
    const yuzhongOnly = await yuzhong.ok('GET', '/v1/deadlines', { token: yuzhong.districtToken() });
    expect(yuzhongOnly.items.filter((d: { district: string }) => d.district !== TONGNAN)).toEqual([]);
  });
});

describe('GET /v1/stats/designations (§3 programme target)', () => {
  it('counts a park from its designation date, per district, against the target of 5', async () => {
    const designatedAt: string = ids.yubeiDesignated.designation.designatedAt;
    const before = await yubei.ok(
      'GET',
      `/v1/stats/designations?at=${encodeURIComponent(new Date(Date.parse(designatedAt) - 1000).toISOString())}`,
      { token: yubei.municipal() },
    );
    const at = await yubei.ok('GET', `/v1/stats/designations?at=${encodeURIComponent(designatedAt)}`, {
      token: yubei.municipal(),
    });
    const mine = (stats: { parks: Array<{ caseId: string }> }) =>
      stats.parks.filter((p) => p.caseId === ids.yubeiDesignated.caseId);
    expect(mine(before)).toEqual([]);
    expect(mine(at)).toEqual([
      {
        caseId: ids.yubeiDesignated.caseId,
        parkName: expect.any(String),
        district: TONGLIANG,
        kind: null,
        designatedAt,
      },
    ]);
    expect(at.byDistrict).toContainEqual({
      district: TONGLIANG,
      name: '铜梁区',
      nameEn: expect.any(String),
      designated: 1,
    });
    expect(at.total).toBe(at.parks.length);
    // R-STAT-1: judged on the parks designated by the end of 2022 (ended by then), not on today's count.
    const { designatedByThen } = at.target;
    expect(at.target).toEqual({ parks: 5, byEndOf: 2022, designatedByThen, met: designatedByThen >= 5 });
  });
});

describe('operability', () => {
  it('every response carries a request id; a sane caller-supplied X-Request-Id is kept', async () => {
    const own = await stack.call('GET', '/health/live', { headers: { 'X-Request-Id': 'trace-42' } });
    expect(own.headers.get('x-request-id')).toBe('trace-42');
    const generated = await stack.call('GET', '/v1/cases', { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it(
    'the OpenAPI document covers every contract endpoint with ' +
      'bearer security, response schemas and error responses',
    async () => {
      const { status, body: doc } = await stack.call('GET', '/docs-json');
      expect(status).toBe(200);
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const { filing } = OFFICER_ACTIONS.submitApplication;
      const contract: Array<[string, string, string[]]> = [
        ['post', filing.start, ['201', '401', '403', '422']],
        ['post', filing.resubmission, ['200', '401', '403', '404', '409', '422']],
        ...CASE_ROUTE_ACTION_NAMES.map((name): [string, string, string[]] => [
          'post',
          caseActionPath(name),
          ['200', '401', '403', '404', '409', '422', '429', '503'],
        ]),
        ['get', '/v1/cases', ['200', '401', '422']],
        ['get', '/v1/cases/{caseId}', ['200', '401', '404']],
        ['get', '/v1/cases/{caseId}/history', ['200', '401', '404']],
        ['get', '/v1/cases/{caseId}/actions/{updateId}', ['200', '401', '404', '503']],
        ['get', '/v1/deadlines', ['200', '401', '422']],
        ['get', '/v1/stats/designations', ['200', '401', '403']],
        ['get', '/v1/districts', ['200']],
        ['get', '/health/ready', ['200']],
      ];
      for (const [method, path, statuses] of contract) {
        const operation = doc.paths[path]?.[method];
        expect({ path, method, documented: !!operation }).toEqual({ path, method, documented: true });
        expect({ path, statuses: statuses.filter((s) => !operation.responses[s]) }).toEqual({ path, statuses: [] });
        const ok = operation.responses[statuses[0]];
        if (!path.startsWith('/health') && path !== '/v1/districts') {
          expect({ path, schema: !!ok.content?.['application/json']?.schema }).toEqual({ path, schema: true });
          expect({ path, security: operation.security }).toEqual({ path, security: [{ bearer: [] }] });
        }
      }
      const summaries = CASE_ROUTE_ACTION_NAMES.map((name) => doc.paths[caseActionPath(name)].post.summary);
      expect(summaries).toEqual(CASE_ROUTE_ACTION_NAMES.map((name) => OFFICER_ACTIONS[name].route.summary));
      expect(doc.components.schemas.ErrorBodySchema.properties).toHaveProperty('details');
      expect(doc.components.schemas.AnnualReportDto.properties.subsidyUse).toBeDefined();
    },
  );
});

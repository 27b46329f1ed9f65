import { MAX_JSON_DEPTH } from '../../api/common/request-value-walk';
import { startApiAlone, type ApiAlone } from '../../tooling/stacks/api-alone';
import { validApplication } from '../../tooling/fixtures/applications';

/**
 * Bodies built to hurt the API (a hostile probe's findings): nesting deep enough to exhaust a recursive walk's stack
 * used to be a 500; `__proto__` and `constructor` fields used to be accepted where any other unknown field is 422. The
 * API alone (Temporal nowhere): each is refused before anything is sent; a body that passes the edge is 503.
 */
let api: ApiAlone;
beforeAll(async () => {
  api = await startApiAlone({ UPDATE_WAIT_MS: '1000' }); // the one action sent waits for Temporal no longer
});
afterAll(async () => {
  await api?.close();
});

/** `levels` arrays, one inside the other: `[[[]]]` is 3. */
const nestedArrays = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

const file = (rawBody: string, language = 'en', path = '/v1/applications') =>
  api.call('POST', path, {
    token: api.token('district', '500112'),
    rawBody,
    headers: { 'Idempotency-Key': `hostile-${Math.random()}`, 'Accept-Language': language },
  });

describe('bodies nested deeper than the API walks', () => {
  it('a 12 kB body of 2,000 nested arrays is 422 naming `body` and the limit, not a 500', async () => {
    const deep = nestedArrays(2_000);
    expect(deep.length).toBeGreaterThan(2_000 * 2 - 1);
    const en = await file(deep);
    expect(en.status).toBe(422);
    expect(en.body).toEqual({
      error: 'validation_failed',
      message: 'the request is invalid: body',
      details: [
        { field: 'body', message: `body must not nest arrays and objects deeper than ${MAX_JSON_DEPTH} levels` },
      ],
    });
    const zh = await file(deep, 'zh-CN');
    expect(zh.body.details).toEqual([
      { field: 'body', message: `body：数组和对象的嵌套不能超过 ${MAX_JSON_DEPTH} 层` },
    ]);
  });

  it('deep nesting inside a field is 422 naming that top-level field, at every endpoint', async () => {
    const application = JSON.stringify(validApplication());
    const inField = `${application.slice(0, -1)},"agencies":[{"name":${nestedArrays(2_000)}}]}`;
    const filed = await file(inField);
    expect({ status: filed.status, details: filed.body.details }).toEqual({
      status: 422,
      details: [{ field: 'agencies', message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH} levels`) }],
    });
    const acceptance = await file(`{"accepted":${nestedArrays(5_000)}}`, 'en', '/v1/cases/c/acceptance');
    expect(acceptance.body.details).toEqual([{ field: 'accepted', message: expect.any(String) }]);
  });

  it(`${MAX_JSON_DEPTH} levels reach validation, ${MAX_JSON_DEPTH + 1} do not`, async () => {
    // The body itself is the first level: a field holding 31 arrays makes 32.
    const within = await file(`{"parkName":${nestedArrays(MAX_JSON_DEPTH - 1)}}`);
    expect(within.status).toBe(422);
    expect(within.body.details).toContainEqual({ field: 'parkName', message: 'parkName must be a string' });
    const beyond = await file(`{"parkName":${nestedArrays(MAX_JSON_DEPTH)}}`);
    expect(beyond.body.details).toEqual([{ field: 'parkName', message: expect.stringContaining('deeper than') }]);
  });
});

describe('__proto__ and constructor are unknown fields like any other', () => {
  const withField = (field: string, where: 'top' | 'nested'): string => {
    const application = JSON.stringify(validApplication());
    return where === 'top'
      ? `{"${field}":{"polluted":true},${application.slice(1)}`
      : application.replace('"agencies":[{', `"agencies":[{"${field}":{"polluted":true},`);
  };

  it('the same application without them passes the edge (503: Temporal is nowhere)', async () => {
    expect((await file(JSON.stringify(validApplication()))).status).toBe(503);
  });

  it.each([
    ['__proto__', 'top', '__proto__'],
    ['constructor', 'top', 'constructor'],
    ['__proto__', 'nested', 'agencies.0.__proto__'],
    ['constructor', 'nested', 'agencies.0.constructor'],
  ] as const)('a %s field (%s level) is 422 naming %s, and no prototype is touched', async (field, where, path) => {
    const { status, body } = await file(withField(field, where));
    expect(status).toBe(422);
    expect(body).toEqual({
      error: 'validation_failed',
      message: `the request is invalid: ${path}`,
      details: [{ field: path, message: `${path}: unknown field` }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ or constructor query parameter is 422 too', async () => {
    for (const parameter of ['__proto__', 'constructor']) {
      const { status, body } = await api.call('GET', `/v1/cases?${parameter}=x&${parameter}=y`, {
        token: api.token('municipal'),
        headers: { 'Accept-Language': 'en' },
      });
      expect({ status, details: body.details }).toEqual({
        status: 422,
        details: [{ field: parameter, message: `${parameter}: unknown field` }],
      });
    }
  });
});

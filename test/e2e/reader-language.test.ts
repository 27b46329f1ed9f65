import { agencies, validApplication } from '../../tooling/fixtures/applications';
import type { CallOptions, JsonAnswer } from '../../tooling/http/http-calls';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 20 "Done when" (api-contract "Language"): with no `Accept-Language` every text of an answer is Chinese — a
 * deficient filing, a 409 on an ended case, a 422 naming a field, a 401 — and with `Accept-Language: en` English;
 * the machine fields (`error`, `rule`, `field`, `stage`) are the same in both, and `Content-Language` says which. An
 * idempotent replay answers in the language of the request that replays it.
 *
 * A policy day lasts 0.1 s here, so a returned application lapses (§5.1, 30 days) within about 3 s.
 */
const POLICY_TIME_SCALE = 864_000;
/** 合川区: no other suite files here (the suites share one database). */
const DISTRICT = '500117';
const EN = { 'Accept-Language': 'en' };
const HAN = /[\u4e00-\u9fff]/;

let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack({ env: { POLICY_TIME_SCALE: String(POLICY_TIME_SCALE) } });
  driver = new HttpDriver(stack, DISTRICT);
});
afterAll(async () => {
  await stack?.teardown();
});

/** The same call with no `Accept-Language` (zh-CN, the default) and with `en`. */
async function inBothLanguages(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<[JsonAnswer, JsonAnswer]> {
  const zh = await stack.call(method, path, options);
  const en = await stack.call(method, path, { ...options, headers: { ...options.headers, ...EN } });
  return [zh, en];
}

/** An error body without its texts: what must not change with the language. */
const machineFields = ({ error, details }: { error: string; details: Array<Record<string, unknown>> }) => ({
  error,
  details: details.map(({ field, rule }) => ({ field, rule })),
});

/** Every detail's text and the message are in the language `Content-Language` names. */
function expectWrittenIn(answer: JsonAnswer, language: 'zh-CN' | 'en'): void {
  expect(answer.headers.get('content-language')).toBe(language);
  const texts = [answer.body.message, ...(answer.body.details ?? []).map((d: { message: string }) => d.message)];
  for (const text of texts) expect({ text, chinese: HAN.test(text) }).toEqual({ text, chinese: language === 'zh-CN' });
}

const deficientFiling = (): CallOptions => ({
  token: driver.districtToken(),
  body: validApplication({ district: DISTRICT, agencies: agencies(10, DISTRICT) }),
});

describe('messages in the reader’s language (issue 20, api-contract "Language")', () => {
  it('a deficient filing: 201 returned, R-APP-3 in Chinese by default and in English on request', async () => {
    const [zh, en] = await inBothLanguages('POST', '/v1/applications', deficientFiling());
    expect([zh.status, en.status]).toEqual([201, 201]);
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    expect(en.headers.get('content-language')).toBe('en');
    expect(zh.body).toMatchObject({
      stage: 'returned',
      deficiencies: [
        { rule: 'R-APP-3', field: 'agencies', message: expect.stringContaining('入驻人力资源服务机构10家') },
      ],
    });
    expect(zh.body.deficiencies[0].message).toContain('至少应有15家');
    expect(en.body).toMatchObject({
      stage: 'returned',
      deficiencies: [{ rule: 'R-APP-3', field: 'agencies', message: expect.stringContaining('10 distinct') }],
    });
    expect(HAN.test(en.body.deficiencies[0].message)).toBe(false);
    // The case as read later is in the reader's language too.
    const [readZh, readEn] = await inBothLanguages('GET', `/v1/cases/${zh.body.caseId}`, { token: driver.municipal() });
    expect(readZh.body.deficiencies).toEqual(zh.body.deficiencies);
    expect(readEn.body.deficiencies).toEqual(en.body.deficiencies);
  });

  it('a 409 on an ended (lapsed) case names its stage by code and Chinese name; in English on request', async () => {
    const filed = await driver.ok('POST', '/v1/applications', deficientFiling(), 201);
    await driver.until(`/v1/cases/${filed.caseId}`, driver.municipal(), (c) => c.stage === 'lapsed');
    const [zh, en] = await inBothLanguages('POST', `/v1/cases/${filed.caseId}/resubmission`, {
      token: driver.districtToken(),
      body: validApplication({ district: DISTRICT }),
    });
    expect([zh.status, en.status]).toEqual([409, 409]);
    expect(machineFields(zh.body)).toEqual(machineFields(en.body));
    expect(zh.body).toEqual({
      error: 'invalid_stage',
      message: '案件已结束，当前阶段：lapsed（已失效），不能办理“提交申报材料”',
      details: [],
    });
    expect(en.body.message).toBe(
      'the case has ended: filing an application is not allowed in the current stage: lapsed (lapsed)',
    );
  });

  it('a 409 the workflow refuses (acceptance while returned) names the stage and the stages allowing it', async () => {
    const filed = await driver.ok('POST', '/v1/applications', deficientFiling(), 201);
    const [zh, en] = await inBothLanguages('POST', `/v1/cases/${filed.caseId}/acceptance`, {
      token: driver.municipal(),
      body: { accepted: true },
    });
    expect(machineFields(zh.body)).toEqual(machineFields(en.body));
    expect(zh.body.message).toBe('当前阶段：returned（已退回），不能办理“受理审查”；可办理的阶段：submitted');
    expect(en.body.message).toBe(
      'the acceptance check is not allowed in the current stage: returned (returned); allowed in: submitted',
    );
  });

  it('a 422 names the field (and the rule) in both languages, with the same codes', async () => {
    const body = { ...validApplication({ district: DISTRICT }), floorAreaSqm: -1 } as Record<string, unknown>;
    const roster = body.agencies as Array<{ creditCode: string }>;
    roster[0].creditCode = roster[0].creditCode.slice(0, 17) + (roster[0].creditCode.endsWith('0') ? '1' : '0');
    const [zh, en] = await inBothLanguages('POST', '/v1/applications', { token: driver.districtToken(), body });
    expect([zh.status, en.status]).toEqual([422, 422]);
    expect(machineFields(zh.body)).toEqual(machineFields(en.body));
    expect(machineFields(zh.body)).toEqual({
      error: 'validation_failed',
      details: [
        { field: 'floorAreaSqm', rule: undefined },
        { field: 'agencies.0.creditCode', rule: 'R-APP-3' },
      ],
    });
    expect(zh.body.message).toBe('请求内容有误：floorAreaSqm、agencies.0.creditCode');
    expect(zh.body.details[0].message).toBe('floorAreaSqm：不能小于 0');
    expect(en.body.details[0].message).toBe('floorAreaSqm must not be less than 0');
    expectWrittenIn(zh, 'zh-CN');
    expectWrittenIn(en, 'en');
  });

  it('a 401 names the token rule in both languages', async () => {
    const [zh, en] = await inBothLanguages('GET', '/v1/cases');
    expect([zh.status, en.status]).toEqual([401, 401]);
    expect(machineFields(zh.body)).toEqual(machineFields(en.body));
    expect(zh.body).toEqual({
      error: 'unauthorized',
      message: '访问令牌被拒绝：需要访问令牌（Authorization: Bearer <JWT>）（token.format）',
      details: [
        { field: 'Authorization', rule: 'token.format', message: '需要访问令牌（Authorization: Bearer <JWT>）' },
      ],
    });
    expect(en.body.message).toBe(
      'the bearer token is refused: a bearer token is required (Authorization: Bearer <JWT>) (token.format)',
    );
  });

  it('an idempotent replay answers in the language of the request that replays it', async () => {
    const options = { ...deficientFiling(), headers: { 'Idempotency-Key': `reader-language-${Date.now()}` } };
    const first = await stack.call('POST', '/v1/applications', options);
    const replay = await stack.call('POST', '/v1/applications', { ...options, headers: { ...options.headers, ...EN } });
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('content-language')).toBe('en');
    expect(replay.body.caseId).toBe(first.body.caseId);
    expect(first.body.deficiencies[0].message).toContain('入驻人力资源服务机构10家');
    expect(replay.body.deficiencies[0]).toMatchObject({
      rule: 'R-APP-3',
      field: 'agencies',
      message: expect.stringContaining('10 distinct'),
    });

    // A refusal replayed too: a 422 first answered in English, replayed in Chinese.
    const refused = {
      token: driver.districtToken(),
      body: { parkName: '' },
      headers: { 'Idempotency-Key': `r-${Date.now()}` },
    };
    const refusedEn = await stack.call('POST', '/v1/applications', {
      ...refused,
      headers: { ...refused.headers, ...EN },
    });
    const refusedZh = await stack.call('POST', '/v1/applications', refused);
    expect([refusedEn.status, refusedZh.status]).toEqual([422, 422]);
    expect(refusedZh.headers.get('idempotent-replayed')).toBe('true');
    expect(machineFields(refusedZh.body)).toEqual(machineFields(refusedEn.body));
    expectWrittenIn(refusedEn, 'en');
    expectWrittenIn(refusedZh, 'zh-CN');
  });
});

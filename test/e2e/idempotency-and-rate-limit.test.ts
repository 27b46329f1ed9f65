import { eventually } from '../../tooling/eventually';
import { validApplication } from '../../tooling/fixtures/applications';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

const BURST = 20;
let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack({ env: { RATE_LIMIT_BURST: String(BURST), RATE_LIMIT_PER_MINUTE: '60' } });
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
});

const countRows = async (sql: string, params: unknown[]): Promise<number> =>
  Number((await stack.dataSource.query(sql, params))[0].count);

describe('Idempotency-Key on state-changing POSTs (api-contract "Errors")', () => {
  it('the same key and body replay the first response: one case, one application_filed', async () => {
    const rongchang = '500153'; // no other test files here: the suites share one database
    const token = stack.token('district', rongchang);
    const headers = { 'Idempotency-Key': 'file-rongchang-park-001' };
    const first = await stack.call('POST', '/v1/applications', {
      token,
      body: validApplication({ district: rongchang }),
      headers,
    });
    // Key order differs: canonically the same body.
    const reordered = Object.fromEntries(Object.entries(validApplication({ district: rongchang })).reverse());
    const replay = await stack.call('POST', '/v1/applications', { token, body: reordered, headers });
    expect(first.status).toBe(201);
    expect({ status: replay.status, body: replay.body }).toEqual({ status: first.status, body: first.body });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await countRows('SELECT count(*) FROM park_cases WHERE district = $1', [rongchang])).toBe(1);
  });

  // An action that orders a payment, so a second application would show as a second treasury instruction. (Before
  // R-RPT-5 this was the first yearly report; a park designated today can file none until its first reporting year
  // has ended, so the incubation-base grant (R-SUB-3) — at most once, with its own payment — stands in for it.)
  it(
    'a replayed incubation-base recognition (R-SUB-3) is answered ' +
      'identically and applied once: one recognition, one grant instruction',
    async () => {
      const designated = await driver.designated();
      const send = () =>
        stack.call('POST', `/v1/cases/${designated.caseId}/incubation-base`, {
          token: driver.municipal(),
          body: {},
          headers: { 'Idempotency-Key': 'incubation-base-a' },
        });
      const first = await send();
      const second = await send();
      expect(first.status).toBe(200);
      expect(first.body.payments).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'incubation_grant', amount: 600_000, status: 'instructed' }),
        ]),
      );
      expect({ status: second.status, body: second.body }).toEqual({ status: first.status, body: first.body });
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      // The workflow records the change (audit entry, then the grant's instruction) right after the answer.
      const recognitions = async () =>
        countRows(`SELECT count(*) FROM case_audit WHERE case_id = $1 AND action = 'incubation_base_recognised'`, [
          designated.caseId,
        ]);
      const grants = async () =>
        countRows(`SELECT count(*) FROM payments WHERE case_id = $1 AND kind = 'incubation_grant'`, [
          designated.caseId,
        ]);
      await eventually(async () => (await recognitions()) > 0 && (await grants()) > 0, 'the recognition recorded');
      expect({ recognitions: await recognitions(), grants: await grants() }).toEqual({ recognitions: 1, grants: 1 });
    },
  );

  it('the same key with a different body is 422 idempotency_key_reused, and nothing is applied', async () => {
    const designated = await driver.designated();
    const path = `/v1/cases/${designated.caseId}/evaluations`;
    const headers = { 'Idempotency-Key': 'evaluation-1' };
    const first = await stack.call('POST', path, {
      token: driver.municipal(),
      body: { outcome: 'renew', findings: '运营规范' },
      headers,
    });
    const other = await stack.call('POST', path, {
      token: driver.municipal(),
      body: { outcome: 'revoke', findings: '名存实亡', grounds: ['nominal_only'] },
      headers,
    });
    expect(first.status).toBe(200);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: 'idempotency_key_reused', details: [{ field: 'Idempotency-Key' }] });
    expect((await driver.ok('GET', `/v1/cases/${designated.caseId}`, { token: driver.municipal() })).stage).toBe(
      'designated',
    );
  });

  it('a refused request is replayed as refused (409 stays 409), and keys are per caller', async () => {
    const caseId = await driver.file();
    const body = { necessity: 80, feasibility: 80, recommend: true };
    const headers = { 'Idempotency-Key': 'shared-key' };
    const first = await stack.call('POST', `/v1/cases/${caseId}/panel`, {
      token: driver.municipal(),
      body: { expertIds: ['a', 'b', 'c'] },
      headers,
    });
    const replay = await stack.call('POST', `/v1/cases/${caseId}/panel`, {
      token: driver.municipal(),
      body: { expertIds: ['a', 'b', 'c'] },
      headers,
    });
    expect(first.status).toBe(409);
    expect(replay.body).toEqual(first.body);
    // Another caller's identical key is its own: the expert is not told about the municipal officer's request.
    const expert = await stack.call('POST', `/v1/cases/${caseId}/reviews`, {
      token: driver.expert('a'),
      body,
      headers,
    });
    expect(expert.body.error).not.toBe('idempotency_key_reused');
  });

  it('a malformed key is 422 naming the header', async () => {
    const { status, body } = await stack.call('POST', '/v1/applications', {
      token: driver.districtToken(),
      body: validApplication(),
      headers: { 'Idempotency-Key': 'x'.repeat(201) },
    });
    expect(status).toBe(422);
    expect(body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});

describe('rate limiting per caller', () => {
  it(
    `after a burst of ${BURST} requests a caller gets ` + `429 with Retry-After; another caller is unaffected`,
    async () => {
      const busy = stack.token('finance', undefined, 'finance-busy');
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<Stack['call']>> | undefined;
      for (let i = 0; i < BURST + 3; i += 1) {
        const response = await stack.call('GET', '/v1/districts', { token: busy });
        statuses.push(response.status);
        if (response.status === 429) limited = response;
      }
      expect(statuses.slice(0, BURST).every((s) => s === 200)).toBe(true);
      expect(statuses[statuses.length - 1]).toBe(429);
      expect(limited?.body).toMatchObject({ error: 'rate_limited', details: [] });
      expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(
        (await stack.call('GET', '/v1/districts', { token: stack.token('finance', undefined, 'finance-quiet') }))
          .status,
      ).toBe(200);
      expect((await stack.call('GET', '/health/live')).status).toBe(200); // probes are never limited
    },
  );
});

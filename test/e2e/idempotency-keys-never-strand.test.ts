import { DataSource } from 'typeorm';
import { bodyHash } from '../../api/idempotency/idempotency.interceptor';
import { idempotentUpdateIdFor } from '../../api/idempotency/update-id';
import { parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * issue 10, item 2 ("Stranded idempotency keys" / "Keys never strand"): an `in_progress` key is a lease; a
 * retry after it ran out takes the key over and answers the action's real outcome from its Temporal update
 * (derived from caller + key), never 409 `idempotency_in_progress` forever; storing the answer survives a
 * PostgreSQL blip, and the answer is given even when it cannot be stored.
 */
let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack();
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
});

const MUNICIPAL = 'municipal:municipal-officer'; // the idempotency caller of driver.municipal(): `${role}:${sub}`

type Row = { status: number | null; attempt: number; lease_expires_at: Date };
const row = async (caller: string, key: string): Promise<Row | undefined> =>
  (
    await stack.dataSource.query(
      'SELECT status, attempt, lease_expires_at FROM idempotency_keys WHERE caller = $1 AND key = $2',
      [caller, key],
    )
  )[0];

/**
 * What a request that died mid-way leaves behind: the key's row back to `in_progress` (no stored answer), with
 * a lease that ran out `agoMs` ago (negative: still running for that long). Inserted when the key has no row.
 */
async function strand(caller: string, key: string, path: string, body: unknown, agoMs = 60_000): Promise<void> {
  await stack.dataSource.query(
    `INSERT INTO idempotency_keys (caller, key, method, path, body_hash, lease_expires_at) ` +
      `VALUES ($1, $2, 'POST', $3, $4, now() - $5 * interval '1 millisecond')
     ON CONFLICT (caller, key) DO UPDATE SET status = NULL, response = NULL, completed_at = NULL, ` +
      `lease_expires_at = EXCLUDED.lease_expires_at`,
    [caller, key, path, bodyHash(body), agoMs],
  );
}

const historyOf = async (caseId: string): Promise<Array<{ action: string }>> =>
  (await driver.ok('GET', `/v1/cases/${caseId}/history`, { token: driver.municipal() })).items;

/** Completed-update events for `updateId` in the case workflow's Temporal history. */
async function completedUpdates(caseId: string, updateId: string): Promise<number> {
  const history = await stack.env.client.workflow.getHandle(parkCaseWorkflowId(caseId)).fetchHistory();
  return (history.events ?? []).filter(
    (e) => e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === updateId,
  ).length;
}

describe('Stranded idempotency keys (issue 10, item 2): keys never strand', () => {
  it(
    'a retry after the lease of a crashed request ran out ' +
      'gets the applied action (200 with the case), applied once',
    async () => {
      const designated = await driver.designated();
      const path = `/v1/cases/${designated.caseId}/incubation-base`;
      const headers = { 'Idempotency-Key': 'stranded-incubation-1' };
      const first = await stack.call('POST', path, { token: driver.municipal(), body: {}, headers });
      expect(first.status).toBe(200);
      // The API process "died" after the action was applied and before its answer was stored.
      await strand(MUNICIPAL, headers['Idempotency-Key'], path, {});

      const retry = await stack.call('POST', path, { token: driver.municipal(), body: {}, headers });
      expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: first.body });
      expect(retry.headers.get('idempotent-replayed')).toBeNull(); // answered from Temporal, not from the store
      expect(
        (await historyOf(designated.caseId)).filter((e) => e.action === 'incubation_base_recognised'),
      ).toHaveLength(1);
      // The taker stored the answer: the next retry is a plain replay.
      expect(await row(MUNICIPAL, headers['Idempotency-Key'])).toMatchObject({ status: 200, attempt: 2 });
      const replay = await stack.call('POST', path, { token: driver.municipal(), body: {}, headers });
      expect({ status: replay.status, replayed: replay.headers.get('idempotent-replayed') }).toEqual({
        status: 200,
        replayed: 'true',
      });
    },
  );

  it('a key whose lease still runs answers 409 idempotency_in_progress with Retry-After, sending nothing', async () => {
    const caseId = await driver.complete();
    const path = `/v1/cases/${caseId}/acceptance`;
    const body = { accepted: true };
    const key = 'live-lease-acceptance';
    const before = Date.now();
    await strand(MUNICIPAL, key, path, body, -60_000); // claimed a moment ago, for another minute
    const headers = { 'Idempotency-Key': key };
    const busy = await stack.call('POST', path, { token: driver.municipal(), body, headers });
    expect({ status: busy.status, error: busy.body.error }).toEqual({ status: 409, error: 'idempotency_in_progress' });
    // Retry-After: the seconds until the lease runs out and a retry may take the key over (60, less what passed).
    const retryAfter = Number(busy.headers.get('retry-after'));
    expect(retryAfter <= 60 && retryAfter >= 60 - Math.ceil((Date.now() - before) / 1000)).toBe(true);
    expect((await driver.ok('GET', `/v1/cases/${caseId}`, { token: driver.municipal() })).stage).toBe('submitted');
    expect(await row(MUNICIPAL, key)).toMatchObject({ status: null, attempt: 1 });
  });

  it(
    'a taken-over key of an action that ended the case ' + 'answers 200 with the ended case, not 409 invalid_stage',
    async () => {
      const caseId = await driver.reviewed();
      const path = `/v1/cases/${caseId}/designation`;
      const body = { decision: 'reject', reason: '不符合认定条件' };
      const headers = { 'Idempotency-Key': 'stranded-rejection' };
      const first = await stack.call('POST', path, { token: driver.municipal(), body, headers });
      expect(first.status).toBe(200);
      expect(first.body.stage).toBe('rejected');
      const entries = (await historyOf(caseId)).length;
      await strand(MUNICIPAL, headers['Idempotency-Key'], path, body);

      const retry = await stack.call('POST', path, { token: driver.municipal(), body, headers });
      expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: first.body });
      expect(await historyOf(caseId)).toHaveLength(entries);
    },
  );

  it('a taken-over key of a refused action answers the same refusal (409), and the refusal is stored', async () => {
    const caseId = await driver.complete();
    const path = `/v1/cases/${caseId}/panel`;
    const body = { expertIds: ['expert-a', 'expert-b', 'expert-c'] };
    const headers = { 'Idempotency-Key': 'stranded-refused-panel' };
    const first = await stack.call('POST', path, { token: driver.municipal(), body, headers });
    expect(first.status).toBe(409); // no panel before acceptance
    await strand(MUNICIPAL, headers['Idempotency-Key'], path, body);

    const retry = await stack.call('POST', path, { token: driver.municipal(), body, headers });
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 409, body: first.body });
    expect(await row(MUNICIPAL, headers['Idempotency-Key'])).toMatchObject({ status: 409, attempt: 2 });
  });

  it('a taken-over key whose action never reached Temporal runs the action (once)', async () => {
    const caseId = await driver.complete();
    const path = `/v1/cases/${caseId}/acceptance`;
    const body = { accepted: true };
    const key = 'stranded-before-sending';
    await strand(MUNICIPAL, key, path, body); // died after claiming the key, before sending anything
    const retry = await stack.call('POST', path, {
      token: driver.municipal(),
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.stage).toBe('accepted');
    expect(await completedUpdates(caseId, idempotentUpdateIdFor(MUNICIPAL, key))).toBe(1);
  });

  it(
    'Temporal (1.24) answers a re-sent completed update from ' +
      'its first outcome: one history entry, one update event',
    async () => {
      const designated = await driver.designated();
      const path = `/v1/cases/${designated.caseId}/incubation-base`;
      const key = 'resent-incubation';
      const updateId = idempotentUpdateIdFor(MUNICIPAL, key);
      const first = await stack.call('POST', path, {
        token: driver.municipal(),
        body: {},
        headers: { 'Idempotency-Key': key },
      });
      expect(first.status).toBe(200);
      // The update id the API sent is the one derived here (GET …/actions/{updateId} finds it).
      expect(
        await driver.ok('GET', `/v1/cases/${designated.caseId}/actions/${updateId}`, { token: driver.municipal() }),
      ).toMatchObject({ status: 'applied' });
      // The key's row is lost altogether: the retry is a new request and sends the same update (same id) again.
      await stack.dataSource.query('DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2', [MUNICIPAL, key]);
      const again = await stack.call('POST', path, {
        token: driver.municipal(),
        body: {},
        headers: { 'Idempotency-Key': key },
      });
      expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
      expect(
        (await historyOf(designated.caseId)).filter((e) => e.action === 'incubation_base_recognised'),
      ).toHaveLength(1);
      expect(await completedUpdates(designated.caseId, updateId)).toBe(1);
    },
  );

  describe('storing the answer during a PostgreSQL blip', () => {
    let apiData: DataSource;
    let failures: number;
    let storeSpy: jest.SpyInstance;
    beforeAll(() => {
      apiData = stack.app.get(DataSource);
      const query = apiData.query.bind(apiData);
      // The API's writes of answers fail like a dropped connection while `failures` lasts.
      storeSpy = jest.spyOn(apiData, 'query').mockImplementation(((sql: string, params?: unknown[]) => {
        if (failures > 0 && /^UPDATE idempotency_keys SET status/.test(sql)) {
          failures -= 1;
          return Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));
        }
        return query(sql, params);
      }) as DataSource['query']);
    });
    afterAll(() => storeSpy.mockRestore());

    it('a short blip is retried: the answer is stored', async () => {
      const caseId = await driver.complete();
      const key = 'blip-short';
      failures = 2;
      const answer = await stack.call('POST', `/v1/cases/${caseId}/acceptance`, {
        token: driver.municipal(),
        body: { accepted: true },
        headers: { 'Idempotency-Key': key },
      });
      expect(answer.status).toBe(200);
      expect(failures).toBe(0);
      expect(await row(MUNICIPAL, key)).toMatchObject({ status: 200 });
    });

    it(
      'a longer outage still gets the real answer; the ' + 'key is retaken after its lease and answers the same',
      async () => {
        const caseId = await driver.complete();
        const path = `/v1/cases/${caseId}/acceptance`;
        const headers = { 'Idempotency-Key': 'blip-long' };
        failures = 1_000;
        const answer = await stack.call('POST', path, { token: driver.municipal(), body: { accepted: true }, headers });
        failures = 0;
        expect(answer.status).toBe(200);
        expect(answer.body.stage).toBe('accepted');
        const entries = (await historyOf(caseId)).length;
        // Not stored: in progress under the lease its request last renewed (IDEMPOTENCY_LEASE_MS, default 10 s);
        // the request has ended, so nobody renews it any more: a retry takes the key over within one lease.
        const stored = await row(MUNICIPAL, headers['Idempotency-Key']);
        expect(stored?.status).toBeNull();
        const leaseLeftMs = stored!.lease_expires_at.getTime() - Date.now();
        expect(leaseLeftMs > 0 && leaseLeftMs <= stack.config.IDEMPOTENCY_LEASE_MS).toBe(true);
        expect(
          (await stack.call('POST', path, { token: driver.municipal(), body: { accepted: true }, headers })).body.error,
        ).toBe('idempotency_in_progress');
        // Once the lease has run out, the retry gets the real answer.
        await stack.dataSource.query(
          `UPDATE idempotency_keys SET lease_expires_at = now() - interval '1 second' WHERE caller = $1 AND key = $2`,
          [MUNICIPAL, headers['Idempotency-Key']],
        );
        const retry = await stack.call('POST', path, { token: driver.municipal(), body: { accepted: true }, headers });
        expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: answer.body });
        expect(await historyOf(caseId)).toHaveLength(entries);
      },
    );
  });
});

import { CaseActionsService } from '../../api/actions/case-actions.service';
import { bodyHash } from '../../api/idempotency/idempotency.interceptor';
import { IdempotencyKeysRepository } from '../../persistence/repositories/idempotency-keys.repository';
import { eventually } from '../../tooling/eventually';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * issue 22 item 5: a claimed `Idempotency-Key` is a short lease its running request renews. A request that runs
 * longer than the lease keeps its key (a retry is 409 with `Retry-After`, never a take-over); the key of a request
 * whose process died (no more renewals) is taken over once one short lease has run out.
 */
const LEASE_MS = 3_000;
let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack({ env: { IDEMPOTENCY_LEASE_MS: String(LEASE_MS) } });
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
});

const MUNICIPAL = 'municipal:municipal-officer'; // the idempotency caller of driver.municipal(): `${role}:${sub}`
const ACCEPT = { accepted: true };

type Lease = { status: number | null; attempt: number; original_lease_over: boolean; expired: boolean };
/** The key's row: whether its first lease (from the claim) is over, and whether its current one is. */
const lease = async (key: string): Promise<Lease | undefined> =>
  (
    await stack.dataSource.query(
      `SELECT status, attempt, now() > created_at + $3 * interval '1 millisecond' AS original_lease_over,
              lease_expires_at <= now() AS expired
       FROM idempotency_keys WHERE caller = $1 AND key = $2`,
      [MUNICIPAL, key, LEASE_MS],
    )
  )[0];

const accept = (caseId: string, key: string): ReturnType<Stack['call']> =>
  stack.call('POST', `/v1/cases/${caseId}/acceptance`, {
    token: driver.municipal(),
    body: ACCEPT,
    headers: { 'Idempotency-Key': key },
  });

/** 409 `idempotency_in_progress`, whose `Retry-After` is at most one lease away. */
function expectInProgress(answer: Awaited<ReturnType<Stack['call']>>): void {
  expect({ status: answer.status, error: answer.body.error }).toEqual({
    status: 409,
    error: 'idempotency_in_progress',
  });
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(LEASE_MS / 1000);
}

describe('Idempotency leases renewed by the running request (issue 22 item 5)', () => {
  it('a request running past its lease keeps its key: a retry is 409 with Retry-After, not a take-over', async () => {
    const caseId = await driver.complete();
    const key = 'heartbeat-live-acceptance';
    // The action waits for the test (as a slow Temporal update would), then runs as usual.
    const actions = stack.app.get(CaseActionsService);
    const act = actions.act.bind(actions);
    let proceed!: () => void;
    const released = new Promise<void>((resolve) => (proceed = resolve));
    const spy = jest.spyOn(actions, 'act').mockImplementationOnce(async (...args) => {
      await released;
      return act(...args);
    });
    try {
      const first = accept(caseId, key);
      await eventually(async () => (await lease(key))?.original_lease_over === true, 'the first lease to have run out');
      expect(await lease(key)).toMatchObject({ status: null, attempt: 1, expired: false }); // renewed meanwhile

      expectInProgress(await accept(caseId, key));
      expect(await lease(key)).toMatchObject({ status: null, attempt: 1 });
      proceed();
      const answer = await first;
      expect({ status: answer.status, stage: answer.body.stage }).toEqual({ status: 200, stage: 'accepted' });
      expect(await lease(key)).toMatchObject({ status: 200, attempt: 1 });
      expect((await accept(caseId, key)).headers.get('idempotent-replayed')).toBe('true');
    } finally {
      proceed();
      spy.mockRestore();
    }
  });

  it('the key of a crashed request (claimed, never renewed) is taken over once its short lease ran out', async () => {
    const caseId = await driver.complete();
    const path = `/v1/cases/${caseId}/acceptance`;
    const key = 'heartbeat-crashed-acceptance';
    // What an API that died right after claiming the key leaves: the claim, whose heartbeat died with the process.
    const claimed = await new IdempotencyKeysRepository(stack.dataSource).claim(
      { caller: MUNICIPAL, key, method: 'POST', path, bodyHash: bodyHash(ACCEPT) },
      stack.config.IDEMPOTENCY_LEASE_MS,
    );
    expect(claimed).toBe(1);
    expectInProgress(await accept(caseId, key));

    // Within one short lease (bounded with room for a loaded machine; the lease was 40 s by default before).
    await eventually(async () => (await lease(key))?.expired === true, 'the lease to run out', LEASE_MS + 10_000);
    const retry = await accept(caseId, key);
    expect({ status: retry.status, stage: retry.body.stage }).toEqual({ status: 200, stage: 'accepted' });
    expect(await lease(key)).toMatchObject({ status: 200, attempt: 2 });
  });
});

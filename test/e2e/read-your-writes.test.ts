import { eventually } from '../../tooling/eventually';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 23 item 7: an officer is answered as soon as the change is durable in Temporal, and the workflow records it
 * right after. The caller's next read must still see the change: the API puts the case it answers with into the read
 * model before it answers. Here the workflow's records are held back (the worker's PostgreSQL transactions wait), so
 * whatever the reads see, the API wrote.
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

/** Runs `body` while the worker's record transactions wait (the API's own DataSource is another); then lets them go. */
async function withRecordsHeld(body: () => Promise<void>): Promise<void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const transaction = stack.dataSource.transaction.bind(stack.dataSource) as (...args: unknown[]) => Promise<unknown>;
  const held = jest
    .spyOn(stack.dataSource, 'transaction')
    .mockImplementation((async (...args: unknown[]) => released.then(() => transaction(...args))) as never);
  try {
    await body();
  } finally {
    release();
    held.mockRestore();
  }
}

const audited = async (caseId: string, action: string): Promise<number> =>
  Number(
    (
      await stack.dataSource.query('SELECT count(*) FROM case_audit WHERE case_id = $1 AND action = $2', [
        caseId,
        action,
      ])
    )[0].count,
  );

describe('read-your-writes after an officer action', () => {
  it('the accepted case is read back at once, ahead of the workflow’s record, which then adds the rest', async () => {
    const caseId = await driver.complete();
    const municipal = driver.municipal();
    await eventually(async () => (await audited(caseId, 'application_filed')) === 1, 'the filing recorded');
    await withRecordsHeld(async () => {
      const answer = await driver.ok('POST', `/v1/cases/${caseId}/acceptance`, {
        token: municipal,
        body: { accepted: true },
      });
      expect(answer.stage).toBe('accepted');
      expect((await driver.ok('GET', `/v1/cases/${caseId}`, { token: municipal })).stage).toBe('accepted');
      expect(await audited(caseId, 'application_accepted')).toBe(0); // the workflow's record is still held
    });
    await eventually(async () => (await audited(caseId, 'application_accepted')) === 1, 'the acceptance recorded');
    // The record of the version the API wrote first still wrote that version's deadlines (the review's).
    const view = await driver.ok('GET', `/v1/cases/${caseId}`, { token: municipal });
    const stored = await stack.dataSource.query('SELECT kind FROM case_deadlines WHERE case_id = $1 ORDER BY kind', [
      caseId,
    ]);
    expect(stored.map((row: { kind: string }) => row.kind)).toEqual(
      view.deadlines.map((deadline: { kind: string }) => deadline.kind).sort(),
    );
  });

  it('a filing is in the caller’s list at once, ahead of the workflow’s record', async () => {
    await withRecordsHeld(async () => {
      const caseId = await driver.file();
      const listed = await driver.ok('GET', '/v1/cases?stage=submitted&limit=100', { token: driver.districtToken() });
      expect(listed.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
      expect(await audited(caseId, 'application_filed')).toBe(0);
    });
  });
});

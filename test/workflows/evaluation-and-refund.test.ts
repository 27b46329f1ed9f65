import { CaseDriver } from '../support/case-driver';
import { recordHistory } from '../support/histories';
import { startWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { addPolicyDays } from '../../workflows/policy-time';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.teardown();
});

/** A designated park whose first tranche (1,000,000 of 2,000,000) has been paid. */
async function paidPark(): Promise<CaseDriver> {
  const driver = await CaseDriver.designated(h, 2_000_000);
  await driver.confirmAllPayments();
  return driver;
}

describe('evaluation (§5.3, R-EVL-1) and refund (R-REF-1)', () => {
  it('R-EVL-1 rectify → renew: a deadline, a re-evaluation notice when it passes, then the next period', async () => {
    const driver = await paidPark();
    const { nextEvaluationDue, designation } = await driver.snapshot();
    const rectifyBy = addPolicyDays(designation!.designatedAt, 60);
    const rectifying = await driver.evaluate('rectify', { rectifyBy });
    expect(rectifying).toMatchObject({ stage: 'rectifying', rectifyBy });
    expect(rectifying.deadlines.map((d) => d.kind)).toContain('rectification');
    await driver.sleepUntil(addPolicyDays(rectifyBy, 1));
    expect(await driver.notices('re_evaluation_due')).toEqual([expect.objectContaining({ recipient_role: 'municipal' })]);
    const renewed = await driver.evaluate('renew');
    expect(renewed).toMatchObject({ stage: 'designated', rectifyBy: null });
    expect(Date.parse(renewed.nextEvaluationDue!)).toBeGreaterThan(Date.parse(nextEvaluationDue!));
    expect(renewed.evaluations.map((e) => e.outcome)).toEqual(['rectify', 'renew']);
  });

  it('R-REF-1 revoke → refund paid in two parts → closed; a refund above what was paid is refused', async () => {
    const driver = await paidPark();
    await expect(driver.evaluate('revoke', { refundAmount: 1_000_001 })).rejects.toMatchObject({ cause: { type: 'InvalidInput', message: expect.stringContaining('R-REF-1') } });
    const revoked = await driver.evaluate('revoke', { refundAmount: 1_000_000 });
    expect(revoked).toMatchObject({ stage: 'revoked', refundDemand: { amount: 1_000_000, paidAmount: 0, status: 'open' } });
    expect(Date.parse(revoked.refundDemand!.dueAt) - Date.parse(revoked.updatedAt)).toBe(60 * 86_400_000);
    const part = await driver.payRefund(400_000);
    expect(part.refundDemand).toMatchObject({ paidAmount: 400_000, status: 'open' });
    await expect(driver.payRefund(600_001)).rejects.toMatchObject({ cause: { type: 'InvalidInput' } });
    const settled = await driver.payRefund(600_000);
    expect(settled).toMatchObject({ stage: 'closed', refundDemand: { paidAmount: 1_000_000, status: 'settled' } });
    expect((await driver.handle.result()).stage).toBe('closed');
    await recordHistory('revoke-refund-closed', driver.handle);
  });

  it('R-REF-1 refund unpaid past its 60-day deadline escalates to the municipal bureau; reminders go to the district', async () => {
    const driver = await paidPark();
    const revoked = await driver.evaluate('revoke', { refundAmount: 500_000 });
    await driver.sleepUntil(addPolicyDays(revoked.refundDemand!.dueAt, 1));
    expect((await driver.snapshot()).refundDemand).toMatchObject({ status: 'escalated', paidAmount: 0 });
    expect(await driver.notices('refund_escalated')).toEqual([expect.objectContaining({ recipient_role: 'municipal' })]);
    expect((await driver.notices('refund_reminder')).map((n) => n.recipient_district)).toEqual(['500112', '500112', '500112', '500112']);
    const settled = await driver.payRefund(500_000);
    expect(settled).toMatchObject({ stage: 'closed', refundDemand: { status: 'settled' } });
  });

  it('R-EVL-1 revoke without a refund closes the case at once', async () => {
    const driver = await paidPark();
    expect((await driver.evaluate('revoke')).stage).toBe('closed');
    expect((await driver.audit()).map((a) => a.action)).toContain('evaluated_revoke');
  });
});

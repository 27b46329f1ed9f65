import { expectedDeadline, installedCalendar } from '../support/workflows/holiday-calendar';
import { noticeFrom, workingDayOnOrAfter } from '../../workflows/lifecycle/working-days';
import { CaseDriver } from '../../tooling/stacks/case-driver';
import { recordHistory } from '../support/workflows/histories';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';
import {
  addDays,
  civilDateOf,
  deadlineDaysAfter,
  deadlineYearsAfter,
  endOfDay,
} from '../../workflows/definitions/civil-date';
import { addPolicyDays } from '../../workflows/definitions/policy-time';

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
  it(
    'R-EVL-1/R-CAL-1 rectify → renew: the order runs to 24:00 of its day, a re-evaluation ' +
      'notice when it passes; R-EVL-2 the next period runs 3 years from the renewal',
    async () => {
      const driver = await paidPark();
      const { designation } = await driver.snapshot();
      // An officer's day must be a working day (R-CAL-3, refused otherwise: test/unit/working-days.test.ts).
      const calendar = installedCalendar();
      const rectifyDay = workingDayOnOrAfter(calendar, addDays(civilDateOf(designation!.designatedAt), 60));
      const rectifying = await driver.evaluate('rectify', { rectifyBy: rectifyDay });
      expect(rectifying).toMatchObject({ stage: 'rectifying', rectifyBy: endOfDay(rectifyDay) });
      expect(rectifying.deadlines).toContainEqual(expectedDeadline('rectification', endOfDay(rectifyDay)));
      // The notice goes out once the day has passed, at 09:00 of the next working day (R-CAL-3).
      const noticeAt = noticeFrom(calendar, endOfDay(rectifyDay));
      expect(noticeAt > endOfDay(rectifyDay)).toBe(true);
      await driver.sleepUntil(addPolicyDays(noticeAt, -1 / 24));
      expect(await driver.notices('re_evaluation_due')).toEqual([]); // an hour before: not yet
      await driver.sleepUntil(addPolicyDays(noticeAt, 1 / 24));
      expect(await driver.notices('re_evaluation_due')).toEqual([
        expect.objectContaining({ recipient_role: 'municipal' }),
      ]);
      const renewed = await driver.evaluate('renew');
      expect(renewed).toMatchObject({ stage: 'designated', rectifyBy: null });
      expect(renewed.nextEvaluationDue).toBe(deadlineYearsAfter(renewed.evaluations[1].decidedAt, 3));
      expect(renewed.evaluations.map((e) => e.outcome)).toEqual(['rectify', 'renew']);
    },
  );

  it(
    'R-REF-1 revoke → refund paid in two parts → closed; ' + 'R-PAY-1 a refund above the tranches paid is refused',
    async () => {
      const driver = await paidPark();
      await driver.recogniseIncubationBase();
      // the incubation grant (R-SUB-3) is paid too, but is never refunded under R-REF-1
      await driver.confirmAllPayments();
      await expect(driver.evaluate('revoke', { refundAmount: 1_000_001 })).rejects.toMatchObject({
        cause: {
          type: 'InvalidInput',
          details: [{ rule: 'R-PAY-1', code: 'rules.refusals.refundAmountOutOfRange', params: { ceiling: 1_000_000 } }],
        },
      });
      const revoked = await driver.evaluate('revoke', {
        refundAmount: 1_000_000,
        grounds: ['nominal_only', 'adverse_effect'],
      });
      expect(revoked).toMatchObject({
        stage: 'revoked',
        refundDemand: { amount: 1_000_000, paidAmount: 0, status: 'open' },
      });
      expect(revoked.evaluations[0].grounds).toEqual(['nominal_only', 'adverse_effect']);
      expect(revoked.refundDemand!.dueAt).toBe(deadlineDaysAfter(revoked.updatedAt, 60));
      const part = await driver.payRefund(400_000);
      expect(part.refundDemand).toMatchObject({ paidAmount: 400_000, status: 'open' });
      await expect(driver.payRefund(600_001)).rejects.toMatchObject({ cause: { type: 'InvalidInput' } });
      const settled = await driver.payRefund(600_000);
      expect(settled).toMatchObject({ stage: 'closed', refundDemand: { paidAmount: 1_000_000, status: 'settled' } });
      expect((await driver.handle.result()).stage).toBe('closed');
      await recordHistory('revoke-refund-closed', driver.handle);
    },
  );

  it(
    'R-REF-1 refund unpaid past its 60-day deadline escalates ' +
      'to the municipal bureau; reminders go to the district',
    async () => {
      const driver = await paidPark();
      const revoked = await driver.evaluate('revoke', { refundAmount: 500_000 });
      // Escalated at the (R-CAL-3 moved) deadline; its notices at 09:00 of the next working day.
      const due = expectedDeadline('refund', revoked.refundDemand!.dueAt).dueAt;
      await driver.sleepUntil(addPolicyDays(noticeFrom(installedCalendar(), due), 1 / 24));
      expect((await driver.snapshot()).refundDemand).toMatchObject({ status: 'escalated', paidAmount: 0 });
      expect(await driver.notices('refund_escalated')).toEqual([
        expect.objectContaining({ recipient_role: 'municipal' }),
      ]);
      expect((await driver.notices('refund_reminder')).map((n) => n.recipient_district)).toEqual([
        '500112',
        '500112',
        '500112',
        '500112',
      ]);
      const settled = await driver.payRefund(500_000);
      expect(settled).toMatchObject({ stage: 'closed', refundDemand: { status: 'settled' } });
    },
  );

  it(
    'R-PAY-1 an escalated refund demand is written off by ' +
      'the municipal bureau with a reason, which closes the case',
    async () => {
      const driver = await paidPark();
      const revoked = await driver.evaluate('revoke', { refundAmount: 800_000 });
      await driver.payRefund(300_000);
      // escalated at the deadline (a write-off before the escalation is refused: test/unit/policy-edges.test.ts)
      await driver.sleepUntil(addPolicyDays(expectedDeadline('refund', revoked.refundDemand!.dueAt).dueAt, 1 / 24));
      const closed = await driver.writeOffRefund('园区运营主体已注销');
      expect(closed).toMatchObject({
        stage: 'closed',
        refundDemand: {
          status: 'written_off',
          paidAmount: 300_000,
          writeOff: { amount: 500_000, reason: '园区运营主体已注销' },
        },
      });
      expect((await driver.handle.result()).stage).toBe('closed');
    },
  );

  it('R-EVL-1 revoke without a refund and nothing in flight closes the case at once', async () => {
    const driver = await paidPark();
    expect((await driver.evaluate('revoke')).stage).toBe('closed');
    expect((await driver.audit()).map((a) => a.action)).toContain('evaluated_revoke');
  });

  it(
    'R-PAY-1 revoked while tranche 1 is instructed but unconfirmed: ' +
      'finance still confirms it, and only then the case closes',
    async () => {
      const driver = await CaseDriver.designated(h, 2_000_000);
      const revoked = await driver.evaluate('revoke', { grounds: ['adverse_effect'] });
      expect(revoked).toMatchObject({
        stage: 'revoked',
        payments: [{ kind: 'subsidy_tranche_1', status: 'instructed' }],
      });
      const closed = await driver.confirmPayment(revoked.payments[0].paymentId);
      expect(closed).toMatchObject({ stage: 'closed', payments: [{ status: 'paid' }] });
      expect((await driver.handle.result()).stage).toBe('closed');
      expect(await h.dataSource.query('SELECT status FROM payments WHERE case_id = $1', [driver.caseId])).toEqual([
        { status: 'paid' },
      ]);
    },
  );
});

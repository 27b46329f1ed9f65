import { temporal } from '@temporalio/proto';
import { CaseDriver, PANEL, municipal } from '../../tooling/stacks/case-driver';
import { recordHistory } from '../support/workflows/histories';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';
import { translator } from '../../i18n/translator';
import * as m from '../../workflows/definitions/messages';

const EventType = temporal.api.enums.v1.EventType;
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const updateEvents = async (driver: CaseDriver) =>
  ((await driver.handle.fetchHistory()).events ?? []).filter(
    (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
  ).length;

describe('acceptance, expert review and designation (§5.1, §5.2)', () => {
  it(
    '§5.1 review closes with a summary when all three experts have ' +
      'reviewed; R-SUB-1 designation instructs tranche 1 (50%) once',
    async () => {
      const driver = await CaseDriver.file(h);
      expect((await driver.accept()).stage).toBe('accepted');
      const formed = await driver.formPanel(PANEL);
      expect(formed).toMatchObject({ stage: 'under_review', panel: { expertIds: PANEL } });
      await driver.review('expert-a', 90, 80, true);
      await driver.review('expert-b', 70, 60, true);
      expect((await driver.snapshot()).reviewSummary).toBeNull();
      const closed = await driver.review('expert-c', 50, 40, false);
      expect(closed.reviewSummary).toMatchObject({
        meanNecessity: 70,
        meanFeasibility: 60,
        recommendFor: 2,
        recommendAgainst: 1,
      });

      const designated = await driver.designate(2_000_001);
      expect(designated.stage).toBe('designated');
      expect(designated.designation).toMatchObject({
        subsidyAmount: 2_000_001,
        certificateNo: expect.stringMatching(/^CQ-HRP-/),
      });
      expect(designated.payments).toEqual([
        expect.objectContaining({ kind: 'subsidy_tranche_1', amount: 1_000_000, status: 'instructed' }),
      ]); // ⌊2,000,001 / 2⌋ (§5.2)
      await driver.recorded(); // answered first, recorded and instructed right after (issue 23 item 7)
      const ledger = await h.dataSource.query(
        'SELECT kind, amount, status, treasury_reference FROM payments WHERE case_id = $1',
        [driver.caseId],
      );
      expect(ledger).toEqual([
        {
          kind: 'subsidy_tranche_1',
          amount: '1000000',
          status: 'instructed',
          treasury_reference: expect.stringMatching(/^LOCAL-/),
        },
      ]);
      expect(
        await h.dataSource.query('SELECT count(*)::int AS n FROM treasury_instructions WHERE case_id = $1', [
          driver.caseId,
        ]),
      ).toEqual([{ n: 1 }]);
      expect((await driver.audit()).map((a) => a.action)).toEqual([
        'application_filed',
        'document_attached', // R-DOC-1: the letter, the feasibility report and the roster
        'document_attached',
        'document_attached',
        'application_accepted',
        'panel_formed',
        'review_submitted',
        'review_submitted',
        'review_submitted',
        'designated',
      ]);
      await recordHistory('review-and-designation', driver.handle);
    },
  );

  it('§5.1 rejected: the municipal bureau rejects with reasons and the case ends', async () => {
    const driver = await CaseDriver.file(h);
    await driver.accept();
    await driver.formPanel(PANEL);
    for (const id of PANEL) await driver.review(id, 30, 20, false);
    const rejected = await driver.reject('the panel finds the park neither necessary nor feasible');
    expect(rejected).toMatchObject({
      stage: 'rejected',
      rejection: { reason: 'the panel finds the park neither necessary nor feasible' },
    });
    expect((await driver.handle.result()).stage).toBe('rejected');
  });

  it('§5.1 not accepted at the completeness check: returned with the reason, then resubmitted', async () => {
    const driver = await CaseDriver.file(h);
    const returned = await driver.accept(false, 'the letter is unsigned');
    expect(returned).toMatchObject({ stage: 'returned', returnReason: 'the letter is unsigned' });
    await expect(driver.accept(false)).rejects.toMatchObject({ cause: { type: 'InvalidStage' } });
  });

  it(
    '§5.1 expert replaced: the missing reviewer is reminded, ' +
      'ops are told when the window closes, the replacement reviews',
    async () => {
      const driver = await CaseDriver.file(h);
      await driver.accept();
      const formed = await driver.formPanel(PANEL);
      await driver.review('expert-a');
      await driver.review('expert-b');
      await driver.sleepUntil(new Date(Date.parse(formed.panel!.reviewDueAt) + 3_600_000).toISOString());
      // T-7 and T-1
      expect((await driver.notices('review_reminder')).map((n) => n.recipient_id)).toEqual(['expert-c', 'expert-c']);
      expect(await driver.notices('review_overdue')).toEqual([
        expect.objectContaining({ recipient_role: 'municipal' }),
      ]);

      await expect(driver.formPanel(['expert-b', 'expert-c', 'expert-d'])).rejects.toMatchObject({
        cause: {
          type: 'InvalidInput',
          details: [
            { field: 'expertIds', code: 'rules.refusals.reviewedExpertsStay', params: { experts: ['expert-a'] } },
          ],
        },
      });
      const reformed = await driver.formPanel(['expert-a', 'expert-b', 'expert-d']);
      expect(reformed.panel).toMatchObject({
        expertIds: ['expert-a', 'expert-b', 'expert-d'],
        replaced: [expect.objectContaining({ expertId: 'expert-c' })],
      });
      // issue 20: each expert a panel names is invited once, the replacement with its own window
      const invited = await driver.notices('panel_invitation');
      expect(invited.map((n) => [n.recipient_role, n.recipient_id])).toEqual(
        ['expert-a', 'expert-b', 'expert-c', 'expert-d'].map((id) => ['expert', id]),
      );
      expect(invited[3].due_at?.toISOString()).toBe(reformed.panel!.reviewDueAt);
      await expect(driver.review('expert-c')).rejects.toMatchObject({ cause: { type: 'InvalidInput' } });
      const closed = await driver.review('expert-d');
      expect(closed.reviewSummary).toMatchObject({ recommendFor: 3 });
    },
  );

  it('§5.1 each expert reviews once; scores are 0–100', async () => {
    const driver = await CaseDriver.file(h);
    await driver.accept();
    await driver.formPanel(PANEL);
    await driver.review('expert-a');
    await expect(driver.review('expert-a')).rejects.toMatchObject({
      cause: { type: 'InvalidInput', details: [{ field: 'actor', code: 'rules.refusals.alreadyReviewed' }] },
    });
    await expect(driver.review('expert-b', 101)).rejects.toMatchObject({
      cause: { type: 'InvalidInput', details: [{ field: 'necessity', code: 'rules.refusals.scoreOutOfRange' }] },
    });
    await expect(driver.formPanel(['x', 'y'])).rejects.toMatchObject({
      cause: { details: [{ code: 'rules.refusals.panelSize', params: { min: 3, max: 7, count: 2 } }] },
    });
  });

  it(
    'R-SUB-1: a subsidy outside 1,000,000–3,000,000 is ' + 'refused, and designation waits for the review to close',
    async () => {
      const driver = await CaseDriver.file(h);
      await driver.accept();
      await driver.formPanel(PANEL);
      await expect(driver.designate(2_000_000)).rejects.toMatchObject({
        cause: { type: 'InvalidInput', details: [{ field: 'decision', code: 'rules.refusals.reviewNotClosed' }] },
      });
      for (const id of PANEL) await driver.review(id);
      const before = await updateEvents(driver);
      const outOfRange = { code: 'rules.refusals.subsidyOutOfRange', params: { min: 1_000_000, max: 3_000_000 } };
      await expect(driver.designate(999_999)).rejects.toMatchObject({
        cause: {
          type: 'InvalidInput',
          message: 'subsidyAmount:rules.refusals.subsidyOutOfRange(R-SUB-1)',
          details: [{ field: 'subsidyAmount', rule: 'R-SUB-1', ...outOfRange }],
        },
      });
      expect(translator.translate(outOfRange, 'zh-CN')).toBe('认定须确定补助资金1,000,000元至3,000,000元（整数）');
      await expect(driver.designate(3_000_001)).rejects.toMatchObject({ cause: { type: 'InvalidInput' } });
      expect(await updateEvents(driver)).toBe(before); // rejected actions leave no trace in history
      expect((await driver.designate(3_000_000)).stage).toBe('designated');
    },
  );

  it('an action the stage does not allow is InvalidStage and leaves no event in history', async () => {
    const driver = await CaseDriver.file(h);
    const before = await updateEvents(driver);
    await expect(driver.designate(2_000_000)).rejects.toMatchObject({
      cause: {
        type: 'InvalidStage',
        details: [{ stage: 'submitted', action: 'designation', allowed: ['under_review'] }],
      },
    });
    await expect(
      driver.handle.executeUpdate(m.evaluationUpdate, {
        args: [{ actor: municipal, outcome: 'renew', findings: 'x' }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'InvalidStage' } });
    expect(await updateEvents(driver)).toBe(before);
  });

  it('R-SUB-3: the incubation-base grant (600,000) is paid once; a second recognition is refused', async () => {
    const driver = await CaseDriver.designated(h);
    const first = await driver.recogniseIncubationBase();
    expect(first.payments.filter((p) => p.kind === 'incubation_grant')).toEqual([
      expect.objectContaining({ amount: 600_000 }),
    ]);
    await expect(driver.recogniseIncubationBase()).rejects.toMatchObject({
      cause: { type: 'InvalidInput', details: [{ rule: 'R-SUB-3', code: 'rules.refusals.incubationGrantPaidOnce' }] },
    });
    await driver.recorded();
    expect(
      await h.dataSource.query(
        "SELECT count(*)::int AS n FROM treasury_instructions WHERE case_id = $1 AND kind = 'incubation_grant'",
        [driver.caseId],
      ),
    ).toEqual([{ n: 1 }]);
  });
});

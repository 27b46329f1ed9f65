import type { ApplicationFailure } from '@temporalio/workflow';
import { allowedActions } from '../../workflows/definitions/allowed-actions';
import type { CaseSnapshot } from '../../workflows/definitions/case';
import type { InvalidInputDetail, InvalidStageDetails } from '../../workflows/definitions/failures';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { newCase } from '../../workflows/lifecycle/intake';
import { objectingDepartments } from '../../workflows/lifecycle/department-opinions';
import { expert, municipal, pureCase } from '../support/life/pure-case';
import { installedCalendar } from '../support/workflows/holiday-calendar';

/**
 * R-REV-3 (§5.1 会同相关部门和专家) on the pure lifecycle: the municipal bureau records each department's opinion while
 * the case is accepted or under review; opinions never block designation, but an objection must be answered in the
 * designation's reason.
 */
const calendar = installedCalendar();
const { act, fileComplete, refusal } = pureCase((now) => ({ now, policy: DEFAULT_POLICY, calendar }));
/** 10:00 Chongqing on 10 December 2026. */
const NOW = '2026-12-10T02:00:00.000Z';
const opinion = (change: Partial<m.DepartmentOpinionRequest> = {}): m.DepartmentOpinionRequest => ({
  actor: municipal,
  department: '市财政局',
  position: 'support',
  opinion: '同意支持',
  date: '2026-12-09',
  ...change,
});
const designate = (reason: string) => ({ actor: municipal, decision: 'designate', reason, subsidyAmount: 2_000_000 });
const detailOf = (failure: ApplicationFailure) => (failure.details as InvalidInputDetail[])[0];

function accepted(): CaseSnapshot {
  const state = newCase(
    { caseId: 'c1', district: '500112', parkName: '渝北园', policy: DEFAULT_POLICY, policyTimeScale: 1 },
    0,
    NOW,
  );
  fileComplete(state, NOW);
  act(state, m.acceptanceUpdate, { actor: municipal, accepted: true }, NOW);
  return state;
}

function reviewed(): CaseSnapshot {
  const state = accepted();
  act(state, m.formPanelUpdate, { actor: municipal, expertIds: ['a', 'b', 'c'] }, NOW);
  for (const id of ['a', 'b', 'c']) {
    act(state, m.submitReviewUpdate, { actor: expert(id), necessity: 80, feasibility: 80, recommend: true }, NOW);
  }
  return state;
}

describe('R-REV-3 department opinions', () => {
  it('R-REV-3 an opinion recorded while accepted is kept with who recorded it, and audited', () => {
    const state = accepted();
    const outcome = act(state, m.departmentOpinionUpdate, opinion({ position: 'conditional' }), NOW);
    expect(state.departmentOpinions).toEqual([
      {
        department: '市财政局',
        position: 'conditional',
        opinion: '同意支持',
        date: '2026-12-09',
        recordedAt: NOW,
        recordedBy: 'municipal-officer',
      },
    ]);
    expect(outcome).toMatchObject({
      action: 'department_opinion_recorded',
      details: { department: '市财政局', position: 'conditional', date: '2026-12-09' },
    });
  });

  it('R-REV-3 opinions are recorded under review too, in order, and offered to the municipal officer only', () => {
    const state = reviewed();
    act(state, m.departmentOpinionUpdate, opinion(), NOW);
    act(state, m.departmentOpinionUpdate, opinion({ department: '市发展改革委', position: 'object' }), NOW);
    expect(state.departmentOpinions!.map((o) => o.department)).toEqual(['市财政局', '市发展改革委']);
    expect(allowedActions(state, municipal)).toContain('departmentOpinion');
    expect(allowedActions(state, expert('a'))).not.toContain('departmentOpinion');
  });

  it('R-REV-3 an opinion in any other stage is refused as invalid_stage naming the stage', () => {
    const state = reviewed();
    act(state, m.designationUpdate, designate('专家评审通过'), NOW);
    const failure = refusal(state, m.departmentOpinionUpdate, opinion(), NOW);
    expect(failure.type).toBe('InvalidStage');
    expect(failure.details![0]).toMatchObject<Partial<InvalidStageDetails>>({
      stage: 'designated',
      action: 'departmentOpinion',
      allowed: ['accepted', 'under_review'],
    });
  });

  it('R-REV-3 a date after today (Chongqing), or a blank department or opinion, is refused naming the field', () => {
    // 10 Dec 2026 10:00 Chongqing: the 10th is today, the 11th is not yet.
    expect(() => act(accepted(), m.departmentOpinionUpdate, opinion({ date: '2026-12-10' }), NOW)).not.toThrow();
    const cases: Array<[Partial<m.DepartmentOpinionRequest>, string]> = [
      [{ date: '2026-12-11' }, 'date'],
      [{ department: '  ' }, 'department'],
      [{ opinion: ' ' }, 'opinion'],
    ];
    for (const [change, field] of cases) {
      const failure = refusal(accepted(), m.departmentOpinionUpdate, opinion(change), NOW);
      expect(failure.type).toBe('InvalidInput');
      expect(detailOf(failure)).toMatchObject({ field, rule: 'R-REV-3' });
    }
  });
});

describe('R-REV-3 designation over an objection', () => {
  it('R-REV-3 opinions never block designation: support and conditions need no answer', () => {
    const state = reviewed();
    act(state, m.departmentOpinionUpdate, opinion({ position: 'conditional' }), NOW);
    act(state, m.designationUpdate, designate('专家评审通过'), NOW);
    expect(state.stage).toBe('designated');
  });

  it('R-REV-3 a designation whose reason does not answer an objection is refused naming reason', () => {
    const state = reviewed();
    act(state, m.departmentOpinionUpdate, opinion({ position: 'object' }), NOW);
    act(state, m.departmentOpinionUpdate, opinion({ department: '市发展改革委', position: 'object' }), NOW);
    expect(objectingDepartments(state)).toEqual(['市财政局', '市发展改革委']);
    for (const reason of [' ', '专家评审通过', '已与市财政局沟通']) {
      const failure = refusal(state, m.designationUpdate, designate(reason), NOW);
      expect(detailOf(failure)).toMatchObject({ field: 'reason', rule: 'R-REV-3' });
    }
    expect(state.stage).toBe('under_review');
    act(state, m.designationUpdate, designate('市财政局、市发展改革委所提意见已整改落实，予以认定'), NOW);
    expect(state.stage).toBe('designated');
  });

  it('R-REV-3 a rejection needs no answer to an objection', () => {
    const state = reviewed();
    act(state, m.departmentOpinionUpdate, opinion({ position: 'object' }), NOW);
    act(state, m.designationUpdate, { actor: municipal, decision: 'reject', reason: '不具备认定条件' }, NOW);
    expect(state.stage).toBe('rejected');
  });
});

import type { CaseSnapshot } from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { Context } from '../../workflows/lifecycle/outcome';
import { checkReport } from '../../workflows/lifecycle/reports';
import { fireDue, nextDueEvent } from '../../workflows/lifecycle/schedule';
import { goodReport } from '../../tooling/stacks/case-driver';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { municipal, pureCase } from '../support/life/pure-case';

// Rules whose breaking no test noticed (the review's mutations): each pinned down on the pure lifecycle.
const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, refusal, designatedAt, revokedIn2027 } = pureCase(ctx);

describe('R-RPT-4: a park keeps the floor area its acceptance allowed', () => {
  const designated = (waivedArea?: number): CaseSnapshot => {
    const state = designatedAt('2026-05-10T02:00:00.000Z');
    if (waivedArea === undefined) return state;
    state.application = { ...state.application!, floorAreaSqm: waivedArea };
    state.waiver = { rules: ['R-APP-4'], reason: '用地受限', at: '2026-05-10T02:00:00.000Z', by: municipal.id };
    return state;
  };
  const areaFindings = (state: CaseSnapshot, floorAreaSqm: number) =>
    checkReport(goodReport(2026, { floorAreaSqm }), state, DEFAULT_POLICY).filter((f) => f.rule === 'R-RPT-4');

  it('R-RPT-4 without a waiver: 7,999 m² is a finding against 8,000 m²; 8,000 m² is none', () => {
    expect(areaFindings(designated(), 7_999)).toMatchObject([{ rule: 'R-RPT-4', params: { min: 8_000 } }]);
    expect(areaFindings(designated(), 8_000)).toEqual([]);
  });

  it('R-RPT-4 with R-APP-4 waived at 6,000 m²: 6,000 m² is none, 5,999 m² a finding against 6,000 m²', () => {
    expect(areaFindings(designated(6_000), 6_000)).toEqual([]);
    expect(areaFindings(designated(6_000), 5_999)).toMatchObject([{ rule: 'R-RPT-4', params: { min: 6_000 } }]);
  });
});

describe('R-PAY-1: the unpaid rest of a refund is written off only after its escalation', () => {
  const writeOff = { actor: municipal, reason: '企业已注销，无可执行财产' };

  it('R-PAY-1 an open demand, not escalated, cannot be written off: refused naming reason and R-PAY-1', () => {
    const state = revokedIn2027();
    expect(state.refundDemand?.status).toBe('open');
    expect(refusal(state, m.refundWriteOffUpdate, writeOff, '2027-03-01T02:00:00.000Z')).toMatchObject({
      details: [{ field: 'reason', rule: 'R-PAY-1', code: 'rules.refusals.writeOffBeforeEscalation' }],
    });
    expect(state.stage).toBe('revoked');
  });

  it('R-PAY-1 once its deadline has passed and it escalated, the write-off closes the case', () => {
    const state = revokedIn2027();
    let due = nextDueEvent(state, ctx('2027-02-10T02:00:00.000Z'));
    // Bounded: a broken schedule that never escalates fails here instead of spinning.
    for (let fired = 0; due && state.refundDemand?.status === 'open' && fired < 100; fired += 1) {
      fireDue(state, due);
      due = nextDueEvent(state, ctx(due.at));
    }
    expect(state.refundDemand?.status).toBe('escalated');
    act(state, m.refundWriteOffUpdate, writeOff, '2027-06-01T02:00:00.000Z');
    expect(state.refundDemand?.status).toBe('written_off');
    expect(state.stage).toBe('closed');
  });
});

import { translator } from '../../i18n/translator';
import type { CaseSnapshot } from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { deadlinesOf } from '../../workflows/lifecycle/deadlines';
import { firstTranche } from '../../workflows/lifecycle/designation';
import { newCase } from '../../workflows/lifecycle/intake';
import { checkReport, overdueReportYears, reportDueAt } from '../../workflows/lifecycle/reports';
import { summarizeReviews } from '../../workflows/lifecycle/review';
import { activeSeries, nextDueEvent, pruneFired } from '../../workflows/lifecycle/schedule';
import { chongqingYear, deadlineOn, nextYearStart } from '../../workflows/definitions/civil-date';
import { goodReport } from '../../tooling/stacks/case-driver';
import { expert, municipal, pureCase } from '../support/life/pure-case';
import { validApplication } from '../../tooling/fixtures/applications';
import { installedCalendar } from '../support/workflows/holiday-calendar';

const policy = DEFAULT_POLICY;
const calendar = installedCalendar();
const calendarVersion = calendar.version;
const at = (now: string) => ({ now, policy, calendar });
const opened = '2026-11-26T02:00:00.000Z';
const blank = (): CaseSnapshot =>
  newCase({ caseId: 'c1', district: '500112', parkName: '渝北园', policy, policyTimeScale: 1 }, 0, opened);

function designatedIn2026(): CaseSnapshot {
  const state = blank();
  state.stage = 'designated';
  state.designation = {
    certificateNo: 'CQ',
    designatedAt: '2026-05-01T02:00:00.000Z',
    subsidyAmount: 2_000_000,
    reason: 'ok',
    firstReportingYear: 2026,
  };
  state.nextEvaluationDue = '2029-05-01T16:00:00.000Z';
  return state;
}

describe('policy calendar (Chongqing time, UTC+8)', () => {
  it('R-RPT-1 default: the report for year N is due at the end of 31 March N+1, Chongqing time', () => {
    expect(reportDueAt(2026, policy)).toBe('2027-03-31T16:00:00.000Z');
    expect(deadlineOn(2027, 3, 31)).toBe('2027-03-31T16:00:00.000Z');
  });

  it('a reporting year begins at 1 January 00:00 in Chongqing', () => {
    expect(chongqingYear('2026-12-31T16:30:00.000Z')).toBe(2027);
    expect(nextYearStart('2026-06-01T00:00:00.000Z')).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('yearly report checks (R-RPT-2..4)', () => {
  it('R-RPT-2: the first reporting year must reach 300 M CNY', () => {
    const state = designatedIn2026();
    expect(checkReport(goodReport(2026, { revenue: 299_999_999 }), state, policy).map((f) => f.rule)).toEqual([
      'R-RPT-2',
    ]);
    expect(checkReport(goodReport(2027, { revenue: 100 }), state, policy)).toEqual([]);
  });

  it('R-RPT-4: still at least 15 agencies and 8,000 m²', () => {
    expect(
      checkReport(goodReport(2027, { agencies: 14, floorAreaSqm: 7999 }), designatedIn2026(), policy).map(
        (f) => f.rule,
      ),
    ).toEqual(['R-RPT-4', 'R-RPT-4']);
  });

  it('counts reports that are past due and missing', () => {
    const state = designatedIn2026();
    expect(overdueReportYears(state, '2027-03-31T15:59:59.000Z', { policy, calendar })).toEqual([]);
    expect(overdueReportYears(state, '2027-04-01T00:00:00.000Z', { policy, calendar })).toEqual([2026]);
  });
});

describe('timed series and deadlines', () => {
  it('§5.1: a returned case is reminded 7 and 1 days before the window closes, then lapses', () => {
    const state = blank();
    state.stage = 'returned';
    state.returnedAt = opened;
    // R-CAL-2: 26 Nov not counted, 30 days → Saturday 26 Dec, moved to Monday 28 Dec 24:00 (R-CAL-3); the first
    // reminder at 09:00 seven days before that day.
    const first = nextDueEvent(state, at(opened))!;
    expect([first.series.key, first.at]).toEqual([`resubmission:${opened}:reminder`, '2026-12-21T01:00:00.000Z']);
    state.fired[first.series.key] = 2;
    const lapse = nextDueEvent(state, at(opened))!;
    expect(lapse.at).toBe('2026-12-28T16:00:00.000Z');
    lapse.series.mutate!(state, lapse.at);
    expect(state.stage).toBe('lapsed');
  });

  it('§5.3 R-RPT-6: overdue notices go out weekly after the report deadline, at 09:00 (R-CAL-3)', () => {
    const state = designatedIn2026();
    // Due Wednesday 31 March 2027: the first notice Thursday 1 April, then Tuesday 6 April (the week's first working
    // day: 2027 has no published arrangement, Monday 5 April is 清明 by law).
    const overdueAt = (now: string) => activeSeries(state, at(now)).filter((s) => s.key.startsWith('report:overdue:'));
    // One series per calendar week, keyed by its Monday, one notice each: this week's and the next.
    expect(overdueAt('2027-03-31T00:00:00.000Z').map((s) => [s.key, s.at(0), s.at(1)])).toEqual([
      ['report:overdue:2027-03-29', '2027-04-01T01:00:00.000Z', null],
      ['report:overdue:2027-04-05', '2027-04-06T01:00:00.000Z', null],
    ]);
    const overdue = overdueAt('2027-04-01T01:00:00.000Z')[0];
    const notices = overdue.notices(0, overdue.at(0)!);
    expect(notices.map((n) => n.recipient.role)).toEqual(['district', 'municipal']);
    expect(notices[0].message).toEqual({
      code: 'notices.inbox.annual_report_overdue',
      params: { parkName: '渝北园', dueAt: '2027-03-31T16:00:00.000Z', years: ['2026'] },
    });
    expect(translator.translate(notices[0].message, 'zh-CN')).toBe(
      '渝北园2026年度报告尚未报送（最早一份应于2027年3月31日前报送）',
    );
    expect(translator.translate(notices[0].message, 'en')).toBe(
      'the yearly report(s) of 渝北园 for 2026 have not arrived (the earliest was due by 31 March 2027)',
    );
  });

  it('lists deadlines earliest first and forgets counters of ended series', () => {
    const state = designatedIn2026();
    expect(deadlinesOf(state, at('2026-12-05T00:00:00.000Z'))).toEqual([
      // R-CAL-3: 2027 and 2029 have no published arrangement: provisional (1 May 2029 is 劳动节 by law).
      {
        kind: 'annual_report',
        dueAt: '2027-03-31T16:00:00.000Z',
        dueDate: '2027-03-31',
        provisional: true,
        calendarVersion,
      },
      {
        kind: 'evaluation',
        dueAt: '2029-05-03T16:00:00.000Z',
        dueDate: '2029-05-03',
        shiftedFrom: '2029-05-01',
        reason: '劳动节',
        provisional: true,
        calendarVersion,
      },
    ]);
    state.fired = { 'report:2026:reminder': 3, 'resubmission:old:lapse': 1 };
    pruneFired(state, at('2027-01-05T00:00:00.000Z'));
    expect(state.fired).toEqual({ 'report:2026:reminder': 3 });
  });
});

describe('review summary and subsidy split', () => {
  it('§5.1 summary: mean scores and recommendations of the current panel', () => {
    const at = opened;
    const panel = {
      expertIds: ['a', 'b'],
      formedAt: at,
      reviewDueAt: at,
      replaced: [],
      reviews: [
        { expertId: 'a', necessity: 90, feasibility: 71, recommend: true, submittedAt: at },
        { expertId: 'b', necessity: 61, feasibility: 60, recommend: false, submittedAt: at },
      ],
    };
    expect(summarizeReviews(panel, at)).toEqual({
      closedAt: at,
      meanNecessity: 75.5,
      meanFeasibility: 65.5,
      recommendFor: 1,
      recommendAgainst: 1,
    });
  });

  it('§5.2 default split: tranche 1 = ⌊amount / 2⌋, tranche 2 the rest, so no yuan is lost', () => {
    expect(firstTranche(2_000_001, policy)).toBe(1_000_000);
    expect(2_000_001 - firstTranche(2_000_001, policy)).toBe(1_000_001);
  });
});

describe('panel invitations (issue 20, §5.1)', () => {
  const { act, fileComplete } = pureCase(at);
  const now = '2026-06-01T02:00:00.000Z';
  const accepted = (): CaseSnapshot => {
    const state = blank();
    fileComplete(state, now);
    act(state, m.acceptanceUpdate, { actor: municipal, accepted: true }, now);
    return state;
  };

  it('§5.1 each expert a new panel names is invited, with the review deadline and the park', () => {
    const formed = act(accepted(), m.formPanelUpdate, { actor: municipal, expertIds: ['a', 'b', 'c'] }, now);
    expect(formed.notices).toEqual(
      ['a', 'b', 'c'].map((expertId) => ({
        kind: 'panel_invitation',
        recipient: { role: 'expert', expertId },
        dueAt: '2026-06-15T16:00:00.000Z',
        clause: '§5.1',
        message: {
          code: 'notices.inbox.panel_invitation',
          params: { parkName: validApplication().parkName, dueAt: '2026-06-15T16:00:00.000Z' },
        },
      })),
    );
    expect(translator.translate(formed.notices[0].message, 'zh-CN')).toBe(
      `您已被列入${validApplication().parkName}认定申报的评审专家组，请于2026年6月15日前提交评审意见`,
    );
  });

  it('§5.1 a re-formed panel invites only the experts it adds, with their new window', () => {
    const state = accepted();
    act(state, m.formPanelUpdate, { actor: municipal, expertIds: ['a', 'b', 'c'] }, now);
    act(state, m.submitReviewUpdate, { actor: expert('a'), necessity: 80, feasibility: 80, recommend: true }, now);
    const later = '2026-06-10T02:00:00.000Z';
    const reformed = act(state, m.formPanelUpdate, { actor: municipal, expertIds: ['a', 'b', 'd'] }, later);
    expect(reformed.notices.map((n) => [n.kind, n.recipient, n.dueAt])).toEqual([
      ['panel_invitation', { role: 'expert', expertId: 'd' }, '2026-06-24T16:00:00.000Z'],
    ]);
    const unchanged = act(state, m.formPanelUpdate, { actor: municipal, expertIds: ['a', 'b', 'd'] }, later);
    expect(unchanged.notices).toEqual([]);
  });
});

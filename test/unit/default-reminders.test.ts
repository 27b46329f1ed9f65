/**
 * The policy's default reminders (policy.md §5.1, §5.3, DEFAULT_POLICY): experts who have not reviewed are reminded
 * 7 days and 1 day before the review deadline; the district 30, 7 and 1 days before its annual report is due — each
 * at 09:00 Chongqing, on the last working day before when that day rests (R-CAL-3).
 */
import type { CaseSnapshot } from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { Context } from '../../workflows/lifecycle/outcome';
import { newCase } from '../../workflows/lifecycle/intake';
import { activeSeries } from '../../workflows/lifecycle/schedule';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { municipal, pureCase } from '../support/life/pure-case';

const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, fileComplete, designatedAt } = pureCase(ctx);

/** Every instant of the series `key` in the case's schedule at `now`. */
function reminders(state: CaseSnapshot, now: string, key: string): string[] {
  const series = activeSeries(state, ctx(now)).find((s) => s.key === key)!;
  const times: string[] = [];
  for (let at = series.at(0); at !== null; at = series.at(times.length)) times.push(at);
  return times;
}

describe('default reminders (§5.1, §5.3)', () => {
  it('§5.1: a panel formed Monday 2 March 2026 has 14 days; experts are reminded T-7 and T-1 (Sunday → Friday)', () => {
    const formed = '2026-03-02T02:00:00.000Z'; // 10:00 Chongqing
    const state = newCase(
      { caseId: 'c1', district: '500112', parkName: '渝北园', policy: DEFAULT_POLICY, policyTimeScale: 1 },
      0,
      formed,
    );
    fileComplete(state, formed);
    act(state, m.acceptanceUpdate, { actor: municipal, accepted: true }, formed);
    act(state, m.formPanelUpdate, { actor: municipal, expertIds: ['a', 'b', 'c'] }, formed);
    // Due at the end of Monday 16 March: T-7 is Monday 9 March, T-1 Sunday 15 March gives way to Friday 13 March.
    expect(reminders(state, formed, `review:${state.panel!.reviewDueAt}:reminder`)).toEqual([
      '2026-03-09T01:00:00.000Z',
      '2026-03-13T01:00:00.000Z',
    ]);
  });

  it('§5.3 R-RPT-1: the 2026 report, due Wednesday 31 March 2027, is reminded T-30, T-7 and T-1', () => {
    const state = designatedAt('2026-05-10T02:00:00.000Z');
    expect(reminders(state, '2027-01-10T02:00:00.000Z', 'report:2026:reminder')).toEqual([
      '2027-03-01T01:00:00.000Z',
      '2027-03-24T01:00:00.000Z',
      '2027-03-30T01:00:00.000Z',
    ]);
  });
});

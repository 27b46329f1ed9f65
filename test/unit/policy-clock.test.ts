import { PRODUCTION_DOCUMENT_SETTINGS } from '../../tooling/fixtures/production-settings';
import { loadAppConfig } from '../../api/config/app-config';
import type { CaseSnapshot, ParkCaseInput } from '../../workflows/definitions/case';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { newCase } from '../../workflows/lifecycle/intake';
import {
  advancePolicyClock,
  clockAdvanceProblem,
  ignoredClockAdvance,
  MAX_CLOCK_ADVANCE_DAYS,
  policyClockView,
} from '../../workflows/lifecycle/policy-clock';
import { policyDateAt } from '../../workflows/definitions/policy-time';

const opened = '2026-12-07T02:00:00.000Z';
const input = (policyClockAdjustable?: boolean): ParkCaseInput => ({
  caseId: 'c1',
  district: '500112',
  parkName: '渝北园',
  policy: DEFAULT_POLICY,
  policyTimeScale: 1,
  ...(policyClockAdjustable === undefined ? {} : { policyClockAdjustable }),
});
const openCase = (): CaseSnapshot => newCase(input(), Date.parse(opened), opened);

describe('policy clock of training and test stacks (issue 21: POLICY_CLOCK_ADJUSTABLE, policyClockAdvanced)', () => {
  it('takes a whole number of policy days from 1 to 3660, naming `days` otherwise', () => {
    for (const days of [1, 365, MAX_CLOCK_ADVANCE_DAYS]) expect(clockAdvanceProblem(days)).toBeUndefined();
    for (const days of [0, -1, 1.5, 3661, Number.NaN, '30', null, undefined])
      expect(clockAdvanceProblem(days)).toMatch(/^days must be a whole number of policy days from 1 to 3660, got /);
    expect(clockAdvanceProblem('30')).toBe('days must be a whole number of policy days from 1 to 3660, got "30"');
  });

  it('moves only a case started adjustable and still open, on a valid payload', () => {
    const state = openCase();
    expect(ignoredClockAdvance(input(true), state, { days: 30 })).toBeUndefined();
    expect(ignoredClockAdvance(input(), state, { days: 30 })).toBe(
      'the case was not started with POLICY_CLOCK_ADJUSTABLE=true',
    );
    expect(ignoredClockAdvance(input(false), state, { days: 30 })).toMatch(/POLICY_CLOCK_ADJUSTABLE/);
    for (const request of [null, {}, { days: 0 }, { days: 4000 }, 'soon'])
      expect(ignoredClockAdvance(input(true), state, request)).toMatch(/^days must be/);
    expect(ignoredClockAdvance(input(true), { ...state, stage: 'closed' }, { days: 30 })).toBe(
      'the case has ended (stage closed)',
    );
  });

  it('keeps the advance in the state (carried across continue-as-new) and records it as policy_clock_advanced', () => {
    const state = openCase();
    expect(advancePolicyClock(state, 30, opened)).toEqual({
      action: 'policy_clock_advanced',
      details: { days: 30, from: opened, to: '2027-01-06T02:00:00.000Z' },
      notices: [],
      instruct: [],
    });
    advancePolicyClock(state, 365, '2027-01-06T02:00:00.000Z');
    expect(state.clockAdvancedDays).toBe(395);
    expect(policyClockView(input(true), state, '2028-01-06T02:00:00.000Z')).toEqual({
      adjustable: true,
      advancedDays: 395,
      policyNow: '2028-01-06T02:00:00.000Z',
    });
    expect(policyClockView(input(), openCase(), opened)).toEqual({
      adjustable: false,
      advancedDays: 0,
      policyNow: opened,
    });
  });

  it('adds the advanced days to every policy date, on top of POLICY_TIME_SCALE; none added when absent', () => {
    const openedMs = Date.parse(opened);
    expect(policyDateAt(openedMs, openedMs + 1000, 86_400, 395).toISOString()).toBe('2028-01-07T02:00:00.000Z');
    expect(policyDateAt(openedMs, openedMs + 1000, 86_400, undefined)).toEqual(
      policyDateAt(openedMs, openedMs + 1000, 86_400),
    );
  });

  it('reads POLICY_CLOCK_ADJUSTABLE: false by default, true or false only, and never in production', () => {
    const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
    expect(loadAppConfig(base).POLICY_CLOCK_ADJUSTABLE).toBe(false);
    expect(loadAppConfig({ ...base, POLICY_CLOCK_ADJUSTABLE: 'true' }).POLICY_CLOCK_ADJUSTABLE).toBe(true);
    expect(loadAppConfig({ ...base, POLICY_CLOCK_ADJUSTABLE: 'false' }).POLICY_CLOCK_ADJUSTABLE).toBe(false);
    expect(() => loadAppConfig({ ...base, POLICY_CLOCK_ADJUSTABLE: 'yes' })).toThrow(
      /POLICY_CLOCK_ADJUSTABLE must be true or false/,
    );
    const issuer = { AUTH_ISSUER: 'https://sso.example/realms/parkflow' };
    const production = { ...base, ...PRODUCTION_DOCUMENT_SETTINGS, NODE_ENV: 'production', ...issuer };
    expect(loadAppConfig({ ...production, AUTH_AUDIENCE: 'parkflow-api' }).POLICY_CLOCK_ADJUSTABLE).toBe(false);
    expect(() =>
      loadAppConfig({ ...production, AUTH_AUDIENCE: 'parkflow-api', POLICY_CLOCK_ADJUSTABLE: 'true' }),
    ).toThrow(/POLICY_CLOCK_ADJUSTABLE must be false when NODE_ENV=production/);
  });
});

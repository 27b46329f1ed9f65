import { isInstant } from '../../api/common/civil-date.validation';
import { toCaseView } from '../../api/cases/case-view';
import type { CaseSnapshot } from '../../workflows/definitions/case';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { newCase } from '../../workflows/lifecycle/intake';

const MUNICIPAL = { id: 'municipal-officer', role: 'municipal' } as const;

/** 10:00 Chongqing on 2 March 2026: an instant deadline as runs before R-CAL-1 computed them. */
const DUE = '2026-03-02T02:00:00.000Z';

/** A snapshot as the read model kept it before issue 9: no dueDate, flags, waiver, firstReportingYear or writeOff. */
function legacySnapshot(): CaseSnapshot {
  const opened = '2025-03-01T02:00:00.000Z';
  const input = {
    caseId: 'c-1',
    district: '500112',
    parkName: '渝北人力资源服务产业园',
    policy: DEFAULT_POLICY,
    policyTimeScale: 1,
  };
  const state = newCase(input, Date.parse(opened), opened);
  const legacy = state as Partial<CaseSnapshot>;
  delete legacy.flags;
  delete legacy.waiver;
  return {
    ...state,
    stage: 'revoked',
    designation: {
      certificateNo: 'CQ-HRP-2025-C1',
      designatedAt: '2025-08-01T02:00:00.000Z',
      subsidyAmount: 2_000_000,
      reason: '评审通过',
    },
    // Before R-CAL-1 a deadline was an instant n × 24 h after its event, not a day's end.
    deadlines: [{ kind: 'refund', dueAt: DUE }],
    refundDemand: { amount: 1_000_000, paidAmount: 0, dueAt: DUE, status: 'escalated', payments: [] },
  };
}

describe('GET /v1/cases/{caseId} view of snapshots written before issue 9', () => {
  it('R-CAL-1 a deadline without dueDate gets the Chongqing day whose end it falls before', () => {
    expect(toCaseView(legacySnapshot(), MUNICIPAL).deadlines).toEqual([
      {
        kind: 'refund',
        dueDate: '2026-03-02',
        dueAt: DUE,
        shiftedFrom: null,
        reason: null,
        provisional: false,
        calendarVersion: null,
      },
    ]);
  });

  it('R-CAL-1 a deadline at D 16:00 UTC is a deadline of day D, not D + 1', () => {
    const snapshot: CaseSnapshot = {
      ...legacySnapshot(),
      deadlines: [{ kind: 'refund', dueAt: '2026-03-31T16:00:00.000Z' }],
    };
    expect(toCaseView(snapshot, MUNICIPAL).deadlines[0].dueDate).toBe('2026-03-31');
  });

  it(
    'R-RPT-5 a park designated before the rule reports ' + 'from its designation year; no flags, waiver or writeOff',
    () => {
      const view = toCaseView(legacySnapshot(), MUNICIPAL);
      expect(view.designation?.firstReportingYear).toBe(2025);
      expect(view).toMatchObject({ flags: [], waiver: null, refundDemand: { status: 'escalated', writeOff: null } });
    },
  );
});

describe('R-CAL-1 query instants', () => {
  it('an instant states its offset; a day, a date-time without offset or an impossible one is not an instant', () => {
    const instants = [
      '2027-03-31T16:00:00Z',
      '2027-04-01T00:00:00+08:00',
      '2027-04-01T00:00:00.123+0800',
      '2027-04-01T00:00Z',
    ];
    const others = ['2027-03-31', '2027-04-01T00:00:00', '2027-02-30T00:00:00Z', '2027-W13', 'tomorrow', 20270331];
    expect(instants.filter((value) => !isInstant(value))).toEqual([]);
    expect(others.filter((value) => isInstant(value))).toEqual([]);
  });
});

/**
 * What the reads bench seeds (issue 13 item 4): a read model as six years of parkflow would leave it. Every stage,
 * district, deadline kind, notice kind and delivery status is typed against its list in `workflows/definitions/`,
 * so a new one cannot be left out. The rows themselves are written in bulk by `BenchSeedRepository`.
 */
import { newCase } from '../../workflows/lifecycle/intake';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { CaseSnapshot, CaseStage, DeadlineKind } from '../../workflows/definitions/case';
import type { NoticeKind, NoticeRecipient } from '../../workflows/definitions/records';
import type { DeliveryStatus } from '../../workflows/definitions/notice-delivery';
import { CHONGQING_DISTRICTS } from '../../persistence/reference/chongqing-districts';
import type { BenchDueRule, BenchSeedPlan } from '../../tooling/repositories/bench-seed.repository';
import { validApplication } from '../../tooling/fixtures/applications';

/** Each key repeated by its weight: the seed picks one slot per row by hash. */
function slots<K extends string>(weights: Partial<Record<K, number>>): K[] {
  return (Object.entries(weights) as Array<[K, number]>).flatMap(([key, weight]) => Array<K>(weight).fill(key));
}

/** Per mille of cases in each stage: most parks are designated, many applications ended before designation. */
const STAGE_WEIGHTS: Record<CaseStage, number> = {
  submitted: 40,
  returned: 30,
  lapsed: 60,
  accepted: 25,
  under_review: 45,
  rejected: 100,
  designated: 500,
  rectifying: 50,
  revoked: 50,
  closed: 100,
};

/** How long ago a case of each stage was opened, in days: open filings are recent, parks are years old. */
const OPENED_DAYS_AGO: Record<CaseStage, [number, number]> = {
  submitted: [0, 20],
  returned: [5, 45],
  lapsed: [40, 2100],
  accepted: [5, 40],
  under_review: [10, 60],
  rejected: [30, 2100],
  designated: [120, 2150],
  rectifying: [400, 2150],
  revoked: [500, 2150],
  closed: [600, 2150],
};

/** The districts with the most parks (the main urban districts and Liangjiang); every other district has some. */
const DISTRICT_WEIGHT: Record<string, number> = { '500112': 8, '500191': 6, '500103': 4, '500105': 4, '500106': 4 };
/** The district the bench's busiest district officer works in, and one with few parks. */
export const BUSY_DISTRICT = '500112';
export const QUIET_DISTRICT = '500243';

/** The deadlines each stage waits on, and the share (per mille) of its cases that have each. */
const DEADLINES: Record<CaseStage, Array<{ kind: DeadlineKind; perMille: number }>> = {
  submitted: [],
  returned: [{ kind: 'resubmission', perMille: 1000 }],
  lapsed: [],
  accepted: [],
  under_review: [{ kind: 'review', perMille: 1000 }],
  rejected: [],
  designated: [
    { kind: 'annual_report', perMille: 1000 },
    { kind: 'evaluation', perMille: 1000 },
    { kind: 'payment_confirmation', perMille: 120 },
  ],
  rectifying: [
    { kind: 'rectification', perMille: 1000 },
    { kind: 'annual_report', perMille: 1000 },
  ],
  revoked: [
    { kind: 'refund', perMille: 900 },
    { kind: 'payment_confirmation', perMille: 100 },
  ],
  closed: [],
};

/**
 * When each kind falls due. Every park's report is due the same day, 31 March (one in eight is a year overdue); the
 * others spread around today with a share already passed.
 */
const DUE_RULES: Record<DeadlineKind, BenchDueRule> = {
  resubmission: { anchor: 'today', offsets: [-3], jitter: 33 },
  review: { anchor: 'today', offsets: [-2], jitter: 16 },
  payment_confirmation: { anchor: 'today', offsets: [-10], jitter: 30 },
  annual_report: { anchor: 'next31March', offsets: [0, 0, 0, 0, 0, 0, 0, -365], jitter: 1 },
  evaluation: { anchor: 'today', offsets: [-60], jitter: 1095 },
  rectification: { anchor: 'today', offsets: [-15], jitter: 180 },
  refund: { anchor: 'revoked', offsets: [60], jitter: 1 },
};

/** Days before now that revoked (and later closed) parks were revoked. */
const REVOKED_DAYS_AGO: Partial<Record<CaseStage, [number, number]>> = { revoked: [1, 90], closed: [60, 900] };

/** The notices a case of each stage has received, by weight; a case just filed has none. */
const NOTICE_KIND_WEIGHTS: Partial<Record<CaseStage, Partial<Record<NoticeKind, number>>>> = {
  returned: { resubmission_reminder: 1 },
  lapsed: { resubmission_reminder: 2, application_lapsed: 1 },
  accepted: { resubmission_reminder: 1 },
  under_review: { review_reminder: 3, review_overdue: 1 },
  rejected: { review_reminder: 3, review_overdue: 1 },
  designated: {
    annual_report_reminder: 50,
    annual_report_overdue: 25,
    payment_confirmation_reminder: 8,
    evaluation_due: 6,
    re_evaluation_due: 2,
    review_reminder: 3,
  },
  rectifying: { annual_report_reminder: 30, annual_report_overdue: 30, re_evaluation_due: 10, evaluation_due: 10 },
  revoked: {
    refund_reminder: 30,
    refund_escalated: 10,
    annual_report_overdue: 30,
    annual_report_reminder: 20,
    evaluation_due: 10,
  },
  closed: {
    refund_reminder: 20,
    refund_escalated: 5,
    annual_report_reminder: 40,
    annual_report_overdue: 25,
    evaluation_due: 10,
  },
};

/** Who receives each kind (as `workflows/lifecycle/schedule.ts` addresses it), its clause and what it says. */
const NOTICE_KINDS: Record<NoticeKind, { roles: Array<NoticeRecipient['role']>; clause: string; label: string }> = {
  resubmission_reminder: { roles: ['district'], clause: '§5.1', label: '申请材料补正提醒' },
  application_lapsed: { roles: ['district'], clause: '§5.1', label: '申请已失效' },
  panel_invitation: { roles: ['expert'], clause: '§5.1', label: '评审专家邀请' },
  review_reminder: { roles: ['expert'], clause: '§5.1', label: '专家评审提醒' },
  review_overdue: { roles: ['municipal'], clause: '§5.1', label: '专家评审逾期' },
  payment_confirmation_reminder: { roles: ['finance'], clause: '§5.2', label: '资金拨付确认提醒' },
  annual_report_reminder: { roles: ['district'], clause: '§5.3 R-RPT-1', label: '年度报告提交提醒' },
  // R-RPT-6: to the district and the municipal bureau
  annual_report_overdue: { roles: ['district', 'municipal'], clause: '§5.3 R-RPT-1 R-RPT-6', label: '年度报告逾期' },
  evaluation_due: { roles: ['municipal'], clause: '§5.3 R-EVL-1 R-EVL-2', label: '认定评估到期' },
  re_evaluation_due: { roles: ['municipal'], clause: '§5.3 R-EVL-1', label: '整改复评到期' },
  refund_reminder: { roles: ['district'], clause: '§5.3 R-REF-1', label: '退回补助资金提醒' },
  refund_escalated: { roles: ['municipal'], clause: '§5.3 R-REF-1', label: '退回补助资金逾期上报' },
};

/** Email delivery of district and municipal notices: most delivered, some pending or failed, a few districts unset. */
const DELIVERY_WEIGHTS: Record<DeliveryStatus, number> = {
  inbox_only: 8,
  pending: 6,
  delivered: 72,
  partially_failed: 4,
  failed: 5,
  no_contacts: 5,
};

/** A snapshot of a case in `stage` with what that stage has gathered (the seed sets ids, dates and deadlines). */
function template(stage: CaseStage): CaseSnapshot {
  const at = '2024-05-20T02:00:00.000Z';
  const base = newCase(
    { caseId: '', district: '', parkName: '', policy: DEFAULT_POLICY, policyTimeScale: 1 },
    Date.parse(at),
    at,
  );
  const filed: CaseSnapshot = { ...base, stage, application: validApplication(), submissionCount: 1 };
  const returned = {
    deficiencies: [
      {
        rule: 'R-APP-3',
        field: 'agencies',
        code: 'rules.deficiencies.tooFewAgencies',
        params: { distinct: 9, min: 15 },
      },
    ],
    returnReason: '入驻机构名单不完整',
    returnedAt: at,
  };
  const reviewed = {
    panel: {
      expertIds: [],
      formedAt: at,
      reviewDueAt: '2024-06-03T16:00:00.000Z',
      reviews: [81, 77, 90].map((score, i) => ({
        expertId: `expert-${i}`,
        necessity: score,
        feasibility: score - 4,
        recommend: true,
        comments: '功能定位清晰，服务体系完整，建议认定。',
        submittedAt: at,
      })),
      replaced: [],
    },
    reviewSummary: { closedAt: at, meanNecessity: 82.7, meanFeasibility: 78.7, recommendFor: 3, recommendAgainst: 0 },
  };
  const payment = (kind: 'subsidy_tranche_1' | 'subsidy_tranche_2', amount: number) => ({
    paymentId: `${kind}:1`,
    kind,
    amount,
    status: 'paid' as const,
    instructedAt: at,
    confirmBy: '2024-06-20T16:00:00.000Z',
    paidAt: at,
    bankReference: `CQ-TREAS-${kind}`,
  });
  const report = (year: number) => ({
    year,
    agencies: 32,
    revenue: 420_000_000,
    staff: 18,
    floorAreaSqm: 15000,
    subsidyUse: {
      rent: 300000,
      renovation: 250000,
      propertyManagement: 100000,
      publicFacilities: 150000,
      operations: 200000,
    },
    submittedAt: `${year + 1}-03-10T02:00:00.000Z`,
    dueAt: `${year + 1}-03-31T16:00:00.000Z`,
    late: false,
  });
  const designated: CaseSnapshot = {
    ...filed,
    ...reviewed,
    designation: {
      certificateNo: 'CQ-HRP-2024-0001',
      designatedAt: at,
      subsidyAmount: 2_000_000,
      reason: '符合认定条件',
      firstReportingYear: 2024,
    },
    payments: [payment('subsidy_tranche_1', 1_000_000), payment('subsidy_tranche_2', 1_000_000)],
    reports: [report(2024), report(2025)],
    fired: { 'report:2024:reminder': 3, 'report:2025:reminder': 3 },
    nextEvaluationDue: '2027-05-20T16:00:00.000Z',
  };
  const evaluation = (outcome: 'rectify' | 'revoke') => ({
    outcome,
    findings: '园区运营情况评估意见：入驻机构数量下降，营业收入未达到预期目标。',
    decidedAt: at,
    reportFindings: [
      {
        rule: 'R-RPT-3',
        year: 2025,
        code: 'rules.findings.threeYearRevenueBelow',
        params: { first: 2024, last: 2026, target: 1_000_000_000 },
      },
    ],
    ...(outcome === 'revoke' ? { grounds: ['poorly_run' as const], refundAmount: 1_000_000 } : {}),
  });
  const revoked: CaseSnapshot = {
    ...designated,
    evaluations: [evaluation('revoke')],
    refundDemand: { amount: 1_000_000, paidAmount: 0, dueAt: at, status: 'open', payments: [] },
  };
  switch (stage) {
    case 'submitted':
    case 'accepted':
      return filed;
    case 'returned':
    case 'lapsed':
      return { ...filed, ...returned };
    case 'under_review':
      return { ...filed, panel: { ...reviewed.panel, reviews: reviewed.panel.reviews.slice(0, 1) } };
    case 'rejected':
      return { ...filed, ...reviewed, rejection: { reason: '专家评审未通过', decidedAt: at } };
    case 'designated':
      return designated;
    case 'rectifying':
      return { ...designated, evaluations: [evaluation('rectify')], rectifyBy: '2027-03-31' };
    case 'revoked':
      return revoked;
    case 'closed':
      return {
        ...revoked,
        refundDemand: {
          amount: 1_000_000,
          paidAmount: 1_000_000,
          dueAt: at,
          status: 'settled',
          payments: [{ amount: 1_000_000, paidAt: at, bankReference: 'CQ-REFUND-1' }],
        },
      };
  }
}

/** The plan for `cases` cases and `notices` notices. */
export function seedPlan(cases: number, notices: number): BenchSeedPlan {
  const stages = Object.keys(STAGE_WEIGHTS) as CaseStage[];
  return {
    cases,
    notices,
    stageSlots: slots(STAGE_WEIGHTS),
    districtSlots: slots(Object.fromEntries(CHONGQING_DISTRICTS.map(({ code }) => [code, DISTRICT_WEIGHT[code] ?? 1]))),
    openedDaysAgo: OPENED_DAYS_AGO,
    revokedDaysAgo: REVOKED_DAYS_AGO as Record<string, [number, number]>,
    templates: Object.fromEntries(stages.map((stage) => [stage, template(stage)])),
    deadlines: DEADLINES,
    dueRules: DUE_RULES,
    experts: 150,
    noticeKindSlots: Object.fromEntries(
      Object.entries(NOTICE_KIND_WEIGHTS).map(([stage, weights]) => [stage, slots(weights ?? {})]),
    ),
    noticeKinds: NOTICE_KINDS,
    deliverySlots: slots(DELIVERY_WEIGHTS),
  };
}

/** An expert who sits on panels of the seeded cases (ids `expert-000` … `expert-149`). */
export const PANEL_EXPERT = 'expert-007';

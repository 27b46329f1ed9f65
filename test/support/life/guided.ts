/**
 * Guided steps: a plausible next action for the case's stage, mostly valid and sometimes a refusal. Random
 * actions mostly do not fit the stage the case is in; guided ones keep random lives moving through the stages.
 * A guided step carries only a `pick`, from which its choices are derived deterministically.
 */
import type { CaseSnapshot } from '../../../workflows/definitions/case';
import { DEFAULT_POLICY } from '../../../workflows/definitions/policy';
import { cqYear } from './calendar';
import { EXPERT_POOL, subsidyTotal, type ActionSpec, type RelativeAmount } from './steps';

/**
 * A small deterministic generator (mulberry32) for the choices of a guided step: the same pick always makes the same
 * choices.
 */
function chooser(seed: number) {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number): boolean => next() < p,
    /** One of the options, by weight (options of weight 0 are never chosen). */
    weighted: <T>(options: Array<[number, T]>): T => {
      const total = options.reduce((sum, [w]) => sum + w, 0);
      let r = next() * total;
      for (const [w, value] of options) if ((r -= w) < 0) return value;
      return options[options.length - 1][1];
    },
  };
}

/**
 * The action a guided step means for the case as it stands at `clock`: a plausible one for its stage (mostly valid,
 * sometimes a refusal).
 */
export function guidedSpec(state: CaseSnapshot, clock: string, pick: number): ActionSpec {
  const c = chooser(pick);
  const valid = (): Extract<ActionSpec, { a: 'submitApplication' }> => ({
    a: 'submitApplication',
    agencies: c.int(15, 20),
    duplicateAgency: false,
    measures: true,
    letter: true,
    floorAreaSqm: c.chance(0.2) ? c.int(5000, 7999) : c.int(8000, 20000),
    missingFunctions: c.chance(0.15) ? 1 : 0,
    wrongDistrict: false,
  });
  const confirm = (): ActionSpec | undefined => {
    const index = state.payments.findIndex((p) => p.status === 'instructed');
    return index < 0
      ? undefined
      : { a: 'confirmPayment', payment: { index }, bankReference: `BANK-${c.int(1000, 9999)}` };
  };
  switch (state.stage) {
    case 'draft':
    case 'returned':
      return valid();
    case 'submitted': {
      // R-DOC-1: the district uploads the papers acceptance needs, mostly before the bureau checks the application.
      const held = new Set((state.documents ?? []).map((d) => d.purpose));
      const missing = DEFAULT_POLICY.documentsRequiredAtAcceptance.find((purpose) => !held.has(purpose));
      const rows = (state.documents ?? []).filter((d) => d.roster).at(-1)?.roster;
      const rosterLacks = rows !== undefined && rows.length !== state.application?.agencies.length;
      if ((missing || rosterLacks) && c.chance(0.9)) {
        const purpose = missing ?? 'agency_roster';
        const roster =
          purpose === 'agency_roster' && c.chance(0.5) ? (c.chance(0.8) ? 'matching' : 'lacking') : undefined;
        return { a: 'attachDocument', purpose, ...(roster && { roster }) };
      }
      const flagged = (state.flags ?? []).length > 0;
      return c.chance(0.85)
        ? {
            a: 'acceptance',
            accepted: true,
            ...(flagged ? { waiverReason: '园区地处主城核心区，面积可适当放宽' } : {}),
          }
        : { a: 'acceptance', accepted: false, reason: '申报材料需补充' };
    }
    case 'accepted': {
      const size = c.int(3, 5);
      const start = c.int(0, EXPERT_POOL.length - size);
      return { a: 'formPanel', expertIds: EXPERT_POOL.slice(start, start + size) };
    }
    case 'under_review': {
      const panel = state.panel!;
      if (!state.reviewSummary) {
        const missing = panel.expertIds.filter((id) => !panel.reviews.some((r) => r.expertId === id));
        if (c.chance(0.12) && missing.length > 0) {
          const newcomer = EXPERT_POOL.find((id) => !panel.expertIds.includes(id));
          if (newcomer)
            return { a: 'formPanel', expertIds: panel.expertIds.map((id) => (id === missing[0] ? newcomer : id)) };
        }
        const id = missing[c.int(0, missing.length - 1)] ?? panel.expertIds[0];
        return {
          a: 'submitReview',
          expert: { id },
          necessity: c.int(40, 100),
          feasibility: c.int(40, 100),
          recommend: c.chance(0.8),
        };
      }
      if (c.chance(0.12)) return { a: 'designation', decision: 'reject', reason: '专家组认为必要性不足' };
      const subsidyAmount = c.weighted<number>([
        [3, c.int(1_000_000, 3_000_000)],
        [1, 1_000_000],
        [1, 3_000_000],
        [1, 1_000_001],
        [1, 2_999_999],
      ]);
      return { a: 'designation', decision: 'designate', subsidyAmount, reason: '专家组推荐' };
    }
    case 'designated':
    case 'rectifying': {
      const first = state.designation?.firstReportingYear ?? cqYear(state.designation!.designatedAt);
      const unreported: number[] = [];
      for (let year = first; year < cqYear(clock); year += 1)
        if (!state.reports.some((r) => r.year === year)) unreported.push(year);
      const hasGrant = state.payments.some((p) => p.kind === 'incubation_grant');
      const ceiling = subsidyTotal(state);
      const choice = c.weighted<string>([
        // Diligent officers, mostly: an overdue confirmation or report is the likeliest next action.
        [
          confirm() ? (state.payments.some((p) => p.status === 'instructed' && p.confirmBy <= clock) ? 30 : 6) : 0,
          'confirm',
        ],
        [unreported.length > 0 ? (Date.UTC(unreported[0] + 1, 2, 31, 16) <= Date.parse(clock) ? 30 : 6) : 0, 'report'],
        [hasGrant ? 0 : 1, 'grant'],
        [2, 'renew'],
        [1, 'rectify'],
        [1, 'revoke'],
      ]);
      if (choice === 'confirm') return confirm()!;
      if (choice === 'report') {
        return {
          a: 'annualReport',
          year: { fromFirst: unreported[0] - first },
          revenue: c.int(100, 1500) * 1_000_000,
          agencies: c.int(12, 30),
          floorAreaSqm: c.int(6000, 20000),
        };
      }
      if (choice === 'grant') return { a: 'incubationBase' };
      if (choice === 'renew') return { a: 'evaluation', outcome: 'renew', findings: '运行良好' };
      if (choice === 'rectify')
        return {
          a: 'evaluation',
          outcome: 'rectify',
          findings: '入驻机构不足，限期整改',
          rectifyBy: { days: c.int(1, 365) },
        };
      const grounds = ['poorly_run', 'nominal_only', 'adverse_effect'].filter(() => c.chance(0.5));
      const refund: RelativeAmount | undefined =
        ceiling > 0 && c.chance(0.6) ? (c.chance(0.3) ? { plus: 0 } : { share: c.int(5, 100) / 100 }) : undefined;
      return {
        a: 'evaluation',
        outcome: 'revoke',
        findings: '有名无实',
        grounds: grounds.length > 0 ? grounds : ['poorly_run'],
        ...(refund ? { refundAmount: refund } : {}),
      };
    }
    case 'revoked': {
      const demand = state.refundDemand;
      const open = demand && (demand.status === 'open' || demand.status === 'escalated');
      const choice = c.weighted<string>([
        [confirm() ? 6 : 0, 'confirm'],
        [open ? 3 : 0, 'refund'],
        [demand?.status === 'escalated' ? 2 : 0, 'writeOff'],
        [1, 'stray'],
      ]);
      if (choice === 'confirm') return confirm()!;
      if (choice === 'refund')
        return {
          a: 'refundPayment',
          amount: c.chance(0.4) ? { plus: 0 } : { share: c.int(10, 90) / 100 },
          bankReference: `REFUND-${c.int(1000, 9999)}`,
        };
      if (choice === 'writeOff') return { a: 'refundWriteOff', reason: '区县财政困难，经研究核销' };
      return { a: 'annualReport', year: { fromNow: -1 }, revenue: 500_000_000, agencies: 20, floorAreaSqm: 12_000 };
    }
    default:
      return { a: 'incubationBase' };
  }
}

/**
 * A pure model of one park case's life, built only from the lifecycle functions (no Temporal): officer actions
 * are validated and applied as the workflow's Update handlers do, and the clock advances the way the loop in
 * `workflows/park-case.workflow.ts` advances (timed series fire exactly at their instants, the run continues as
 * new at each Chongqing reporting-year boundary while the case is in a yearly stage). Every step is logged, so a
 * life reads back as a script.
 *
 * The model is driven with abstract steps ({@link ActionSpec}, {@link AdvanceSpec}) that it resolves against the
 * case as it stands (e.g. "a review by the second panel member", "to the next 31 December 16:00Z − 1 ms"): the
 * random-lives tests generate and shrink those, and replay the resolved requests against the real workflow.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ParkApplication } from '../../workflows/definitions/application';
import type { Actor, CaseSnapshot, EvaluationOutcome } from '../../workflows/definitions/case';
import { DEFAULT_POLICY, SERVICE_FUNCTIONS, type PolicyConfig } from '../../workflows/definitions/policy';
import { FINAL_STAGES } from '../../workflows/case-stages';
import { nextYearStart } from '../../workflows/definitions/civil-date';
import { OFFICER_ACTIONS } from '../../workflows/lifecycle/actions';
import { deadlinesOf } from '../../workflows/lifecycle/deadlines';
import { newCase } from '../../workflows/lifecycle/intake';
import type { Context, Outcome } from '../../workflows/lifecycle/outcome';
import { fireDue, nextDueEvent, pruneFired } from '../../workflows/lifecycle/schedule';
import { agencies, validApplication } from './fixtures';

type Stage = CaseSnapshot['stage'];

export const LIFE_DISTRICT = '500112';
export const LIFE_ACTORS = {
  district: { id: 'district-officer', role: 'district', district: LIFE_DISTRICT } as Actor,
  municipal: { id: 'municipal-officer', role: 'municipal' } as Actor,
  finance: { id: 'finance-officer', role: 'finance' } as Actor,
  expert: (id: string): Actor => ({ id, role: 'expert' }),
};
/** Experts the generators draw panels and reviewers from. */
export const EXPERT_POOL = ['expert-1', 'expert-2', 'expert-3', 'expert-4', 'expert-5', 'expert-6', 'expert-7', 'expert-8', 'expert-9', 'expert-10'];
/** Stages whose case lives on through reporting years: each year's boundary starts a fresh run (park-case.workflow.ts). */
export const YEARLY_STAGES: ReadonlyArray<Stage> = ['designated', 'rectifying', 'revoked'];

export const ACTION_NAMES = [
  'submitApplication',
  'acceptance',
  'formPanel',
  'submitReview',
  'designation',
  'incubationBase',
  'confirmPayment',
  'annualReport',
  'evaluation',
  'refundPayment',
  'refundWriteOff',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** An amount relative to a ceiling the case knows (refund ceiling, outstanding refund): a share, ceiling + n, or a fixed value. */
export type RelativeAmount = { share: number } | { plus: number } | { fixed: number };

/** An officer action, described abstractly; {@link resolveAction} turns it into a concrete request. */
export type ActionSpec =
  | {
      a: 'submitApplication';
      /** Distinct agencies on the roster (R-APP-3 needs 15). */
      agencies: number;
      duplicateAgency: boolean;
      /** R-APP-8: an issued promotion measure. */
      measures: boolean;
      /** R-APP-1: the district government's letter. */
      letter: boolean;
      /** R-APP-4: 8,000 m² in principle. */
      floorAreaSqm: number;
      /** R-APP-5: how many of the four service functions are missing. */
      missingFunctions: number;
      /** The application names another district than the case's. */
      wrongDistrict: boolean;
    }
  | { a: 'acceptance'; accepted: boolean; reason?: string; waiverReason?: string }
  | { a: 'formPanel'; expertIds: string[] }
  | { a: 'submitReview'; expert: { panelIndex: number } | { id: string }; necessity: number; feasibility: number; recommend: boolean }
  | { a: 'designation'; decision: 'designate' | 'reject'; subsidyAmount?: number; reason: string }
  | { a: 'incubationBase' }
  | { a: 'confirmPayment'; payment: { index: number } | { id: string }; bankReference: string }
  | { a: 'annualReport'; year: { fromFirst: number } | { fromNow: number }; revenue: number; agencies: number; floorAreaSqm: number }
  | {
      a: 'evaluation';
      outcome: EvaluationOutcome;
      findings: string;
      /** Days after today (Chongqing) or a literal text. */
      rectifyBy?: { days: number } | { text: string };
      grounds?: string[];
      refundAmount?: RelativeAmount;
    }
  | { a: 'refundPayment'; amount: RelativeAmount; bankReference: string }
  | { a: 'refundWriteOff'; reason: string }
  /** A plausible next action for the case's stage, chosen with `pick` (keeps random lives moving through the stages). */
  | { a: 'guided'; pick: number };

/** Where the clock goes next; instants already past leave it where it is. */
export type AdvanceSpec =
  | { to: 'by'; ms: number }
  /** The next 1 January 00:00 Chongqing (31 December 16:00Z), `skip` years later, + offset. */
  | { to: 'newYear'; skip: number; offsetMs: number }
  /** The next 1 July 00:00 Chongqing (30 June 16:00Z): the R-RPT-5 first-reporting-year cut-off. */
  | { to: 'midYear'; skip: number; offsetMs: number }
  /** The next report due instant, 31 March 16:00Z. */
  | { to: 'reportDue'; skip: number; offsetMs: number }
  /** The next last day of February (29 February in leap years, Chongqing) at `hour` Chongqing time. */
  | { to: 'lastOfFebruary'; hour: number }
  /** One of the case's current deadlines (`index` modulo their number) + offset. */
  | { to: 'deadline'; index: number; offsetMs: number }
  /** The next timed event of the case + offset. */
  | { to: 'nextEvent'; offsetMs: number };

export type Step = { act: ActionSpec } | { advance: AdvanceSpec };
export interface LifeSpec {
  /** The instant the case is opened (its first policy date). */
  start: number;
  steps: Step[];
}

/** Something the model observed; the random-lives properties check them. */
export type LifeEvent =
  | { type: 'applied'; name: ActionName; request: Record<string, unknown>; at: string; outcome: Outcome; before: Stage }
  /** `changed`: the validator changed the state (it must not: a refused action leaves the case as it was). */
  | { type: 'refused'; name: ActionName; request: Record<string, unknown>; at: string; failure: unknown; changed: boolean }
  | { type: 'fired'; key: string; index: number; at: string; outcome: Outcome; before: Stage }
  /** `carried`: the state as the next run receives it (its JSON); the model goes on with it. */
  | { type: 'continuedAsNew'; at: string; before: CaseSnapshot }
  /** Something other than an ApplicationFailure from validate, or anything from apply / the schedule: the life stops. */
  | { type: 'crashed'; where: string; at: string; error: unknown };

export type LifeObserver = (event: LifeEvent, model: LifeModel) => void;

const DAY_MS = 86_400_000;
const CQ_MS = 8 * 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
/** The Chongqing calendar day of an instant, computed here independently of workflows/civil-date.ts. */
export const cqDay = (instant: string | number): string => iso((typeof instant === 'number' ? instant : Date.parse(instant)) + CQ_MS).slice(0, 10);
export const cqYear = (instant: string | number): number => Number(cqDay(instant).slice(0, 4));
export const plusDays = (day: string, days: number): string => iso(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).slice(0, 10);
/** Same month and day `years` later, 29 Feb → 28 Feb (R-CAL-2). */
export function plusYears(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = day.slice(5) === '02-29' && !leap ? '02-28' : day.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}
/** R-CAL-1: a deadline on day D ends at D 24:00 Chongqing = D 16:00 UTC. */
export const endOfCqDay = (day: string): string => `${day}T16:00:00.000Z`;


/** The application a submission spec describes: valid except for the shortfalls it asks for. */
export function applicationOf(spec: Extract<ActionSpec, { a: 'submitApplication' }>): ParkApplication {
  const roster = agencies(spec.agencies, LIFE_DISTRICT);
  if (spec.duplicateAgency && roster.length > 0) roster.push({ ...roster[0], name: '重复登记的机构' });
  const app = validApplication({
    district: spec.wrongDistrict ? '500103' : LIFE_DISTRICT,
    floorAreaSqm: spec.floorAreaSqm,
    serviceFunctions: SERVICE_FUNCTIONS.slice(0, SERVICE_FUNCTIONS.length - spec.missingFunctions),
    agencies: roster,
  });
  if (!spec.letter) app.documents.districtGovernmentLetter = null;
  if (!spec.measures) app.documents.supportMeasures = [];
  return app;
}

/** A small deterministic generator for the choices of a guided step. */
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

const subsidyTotal = (state: CaseSnapshot): number =>
  state.payments.filter((p) => p.kind !== 'incubation_grant').reduce((sum, p) => sum + p.amount, 0);
const outstanding = (state: CaseSnapshot): number => (state.refundDemand ? state.refundDemand.amount - state.refundDemand.paidAmount : 0);
const amountOf = (amount: RelativeAmount, ceiling: number): number =>
  'share' in amount ? Math.round(ceiling * amount.share) : 'plus' in amount ? ceiling + amount.plus : amount.fixed;

/** A guided step: a plausible action for the case's stage (mostly valid, sometimes a refusal). */
function guidedSpec(state: CaseSnapshot, clock: string, pick: number): ActionSpec {
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
    return index < 0 ? undefined : { a: 'confirmPayment', payment: { index }, bankReference: `BANK-${c.int(1000, 9999)}` };
  };
  switch (state.stage) {
    case 'draft':
    case 'returned':
      return valid();
    case 'submitted': {
      const flagged = (state.flags ?? []).length > 0;
      return c.chance(0.85)
        ? { a: 'acceptance', accepted: true, ...(flagged ? { waiverReason: '园区地处主城核心区，面积可适当放宽' } : {}) }
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
          if (newcomer) return { a: 'formPanel', expertIds: panel.expertIds.map((id) => (id === missing[0] ? newcomer : id)) };
        }
        const id = missing[c.int(0, missing.length - 1)] ?? panel.expertIds[0];
        return { a: 'submitReview', expert: { id }, necessity: c.int(40, 100), feasibility: c.int(40, 100), recommend: c.chance(0.8) };
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
      for (let year = first; year < cqYear(clock); year += 1) if (!state.reports.some((r) => r.year === year)) unreported.push(year);
      const hasGrant = state.payments.some((p) => p.kind === 'incubation_grant');
      const ceiling = subsidyTotal(state);
      const choice = c.weighted<string>([
        // Diligent officers, mostly: an overdue confirmation or report is the likeliest next action.
        [confirm() ? (state.payments.some((p) => p.status === 'instructed' && p.confirmBy <= clock) ? 30 : 6) : 0, 'confirm'],
        [unreported.length > 0 ? (Date.UTC(unreported[0] + 1, 2, 31, 16) <= Date.parse(clock) ? 30 : 6) : 0, 'report'],
        [hasGrant ? 0 : 1, 'grant'],
        [2, 'renew'],
        [1, 'rectify'],
        [1, 'revoke'],
      ]);
      if (choice === 'confirm') return confirm()!;
      if (choice === 'report') {
        return { a: 'annualReport', year: { fromFirst: unreported[0] - first }, revenue: c.int(100, 1500) * 1_000_000, agencies: c.int(12, 30), floorAreaSqm: c.int(6000, 20000) };
      }
      if (choice === 'grant') return { a: 'incubationBase' };
      if (choice === 'renew') return { a: 'evaluation', outcome: 'renew', findings: '运行良好' };
      if (choice === 'rectify') return { a: 'evaluation', outcome: 'rectify', findings: '入驻机构不足，限期整改', rectifyBy: { days: c.int(1, 365) } };
      const grounds = ['poorly_run', 'nominal_only', 'adverse_effect'].filter(() => c.chance(0.5));
      const refund: RelativeAmount | undefined = ceiling > 0 && c.chance(0.6) ? (c.chance(0.3) ? { plus: 0 } : { share: c.int(5, 100) / 100 }) : undefined;
      return { a: 'evaluation', outcome: 'revoke', findings: '有名无实', grounds: grounds.length > 0 ? grounds : ['poorly_run'], ...(refund ? { refundAmount: refund } : {}) };
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
      if (choice === 'refund') return { a: 'refundPayment', amount: c.chance(0.4) ? { plus: 0 } : { share: c.int(10, 90) / 100 }, bankReference: `REFUND-${c.int(1000, 9999)}` };
      if (choice === 'writeOff') return { a: 'refundWriteOff', reason: '区县财政困难，经研究核销' };
      return { a: 'annualReport', year: { fromNow: -1 }, revenue: 500_000_000, agencies: 20, floorAreaSqm: 12_000 };
    }
    default:
      return { a: 'incubationBase' };
  }
}

/** A concrete action: the Update's name and its request (actor included), as the API would send it. */
export interface ResolvedAction {
  name: ActionName;
  request: Record<string, unknown> & { actor: Actor };
}

/** Turns an abstract action into the request an officer of the right role would send now. */
export function resolveAction(spec: ActionSpec, state: CaseSnapshot, clock: string): ResolvedAction {
  if (spec.a === 'guided') return resolveAction(guidedSpec(state, clock, spec.pick), state, clock);
  const { district, municipal, finance, expert } = LIFE_ACTORS;
  switch (spec.a) {
    case 'submitApplication':
      return { name: spec.a, request: { actor: district, application: applicationOf(spec) } };
    case 'acceptance':
      return {
        name: spec.a,
        request: { actor: municipal, accepted: spec.accepted, ...(spec.reason !== undefined ? { reason: spec.reason } : {}), ...(spec.waiverReason !== undefined ? { waiverReason: spec.waiverReason } : {}) },
      };
    case 'formPanel':
      return { name: spec.a, request: { actor: municipal, expertIds: [...spec.expertIds] } };
    case 'submitReview': {
      const ids = state.panel?.expertIds ?? [];
      const id = 'id' in spec.expert ? spec.expert.id : (ids[spec.expert.panelIndex % Math.max(1, ids.length)] ?? EXPERT_POOL[0]);
      return { name: spec.a, request: { actor: expert(id), necessity: spec.necessity, feasibility: spec.feasibility, recommend: spec.recommend } };
    }
    case 'designation':
      return {
        name: spec.a,
        request: { actor: municipal, decision: spec.decision, reason: spec.reason, ...(spec.subsidyAmount !== undefined ? { subsidyAmount: spec.subsidyAmount } : {}) },
      };
    case 'incubationBase':
      return { name: spec.a, request: { actor: municipal, decisionReference: '渝人社〔2027〕1号' } };
    case 'confirmPayment': {
      const paymentId = 'id' in spec.payment ? spec.payment.id : (state.payments[spec.payment.index % Math.max(1, state.payments.length)]?.paymentId ?? `${state.caseId}:subsidy_tranche_1`);
      return { name: spec.a, request: { actor: finance, paymentId, paidAt: clock, bankReference: spec.bankReference } };
    }
    case 'annualReport': {
      const first = state.designation ? (state.designation.firstReportingYear ?? cqYear(state.designation.designatedAt)) : cqYear(clock);
      const year = 'fromFirst' in spec.year ? first + spec.year.fromFirst : cqYear(clock) + spec.year.fromNow;
      const revenue = spec.revenue;
      const subsidyUse = { rent: 300_000, renovation: 200_000, propertyManagement: 100_000, publicFacilities: 100_000, operations: 300_000 };
      return { name: spec.a, request: { actor: district, report: { year, agencies: spec.agencies, revenue, staff: 12, floorAreaSqm: spec.floorAreaSqm, subsidyUse } } };
    }
    case 'evaluation': {
      const rectifyBy = spec.rectifyBy === undefined ? undefined : 'days' in spec.rectifyBy ? plusDays(cqDay(clock), spec.rectifyBy.days) : spec.rectifyBy.text;
      const refundAmount = spec.refundAmount === undefined ? undefined : amountOf(spec.refundAmount, subsidyTotal(state));
      return {
        name: spec.a,
        request: {
          actor: municipal,
          outcome: spec.outcome,
          findings: spec.findings,
          ...(rectifyBy !== undefined ? { rectifyBy } : {}),
          ...(spec.grounds !== undefined ? { grounds: [...spec.grounds] } : {}),
          ...(refundAmount !== undefined ? { refundAmount } : {}),
        },
      };
    }
    case 'refundPayment':
      return { name: spec.a, request: { actor: finance, amount: amountOf(spec.amount, outstanding(state)), paidAt: clock, bankReference: spec.bankReference } };
    case 'refundWriteOff':
      return { name: spec.a, request: { actor: municipal, reason: spec.reason } };
  }
}

/** The next instant strictly after `clock` of the form `base(year) + offset`, `skip` occurrences later. */
function nextOf(clock: string, base: (year: number) => number, offsetMs: number, skip: number): string {
  const now = Date.parse(clock);
  let year = cqYear(clock) - 1;
  while (base(year) + offsetMs <= now) year += 1;
  return iso(base(year + skip) + offsetMs);
}

/** The instant an advance goes to (may be at or before the clock: then the clock stays). */
export function resolveAdvance(spec: AdvanceSpec, state: CaseSnapshot, clock: string, policy: PolicyConfig = DEFAULT_POLICY): string {
  const now = Date.parse(clock);
  switch (spec.to) {
    case 'by':
      return iso(now + spec.ms);
    case 'newYear':
      return nextOf(clock, (y) => Date.UTC(y - 1, 11, 31, 16), spec.offsetMs, spec.skip);
    case 'midYear':
      return nextOf(clock, (y) => Date.UTC(y, 5, 30, 16), spec.offsetMs, spec.skip);
    case 'reportDue':
      return nextOf(clock, (y) => Date.UTC(y, 2, 31, 16), spec.offsetMs, spec.skip);
    case 'lastOfFebruary': {
      // The last day of February: the 29th in leap years (R-CAL-2: 29 Feb + n years → 28 Feb).
      let year = cqYear(clock);
      const at = (y: number) => Date.UTC(y, 2, 0, spec.hour) - CQ_MS;
      while (at(year) <= now) year += 1;
      return iso(at(year));
    }
    case 'deadline': {
      const deadlines = state.deadlines;
      if (deadlines.length === 0) return clock;
      return iso(Date.parse(deadlines[spec.index % deadlines.length].dueAt) + spec.offsetMs);
    }
    case 'nextEvent': {
      const due = safely(() => nextDueEvent(state, { now: clock, policy, civil: true }));
      return due ? iso(Date.parse(due.at) + spec.offsetMs) : clock;
    }
  }
}

const safely = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};

/** Shortens a request for the script: the application as its shortfalls, no actor. */
export function describeRequest(name: ActionName, request: Record<string, unknown>): string {
  const { actor: _actor, ...rest } = request;
  if (name === 'submitApplication') {
    const app = rest.application as ParkApplication;
    const codes = new Set(app.agencies.map((a) => a.creditCode));
    return JSON.stringify({
      district: app.district,
      agencies: codes.size,
      ...(codes.size < app.agencies.length ? { duplicates: app.agencies.length - codes.size } : {}),
      floorAreaSqm: app.floorAreaSqm,
      functions: app.serviceFunctions.length,
      letter: !!app.documents.districtGovernmentLetter,
      measures: (app.documents.supportMeasures ?? []).length,
    });
  }
  if (name === 'annualReport') {
    const { subsidyUse: _use, staff: _staff, ...report } = rest.report as Record<string, unknown>;
    return JSON.stringify(report);
  }
  return JSON.stringify(rest);
}

export function describeFailure(failure: unknown): string {
  if (failure instanceof ApplicationFailure) {
    const detail = (failure.details?.[0] ?? {}) as { field?: string; rule?: string; stage?: string };
    return `${failure.type} ${[detail.field, detail.rule, detail.stage && `stage ${detail.stage}`].filter(Boolean).join(' ')}`;
  }
  return `${(failure as Error)?.constructor?.name ?? typeof failure}: ${(failure as Error)?.message ?? String(failure)}`;
}

/** One case's life in the pure model. */
export class LifeModel {
  state: CaseSnapshot;
  clock: string;
  /** The reporting-year boundary that ends the current run (fixed when the run first reaches a yearly stage). */
  runYearEnd: string | undefined;
  /** The instant of the latest commit (the `deadlines` are computed then). */
  lastCommitAt: string;
  readonly log: string[] = [];
  /** Set when something crashed: the life stops there. */
  crashed = false;
  private readonly observers: LifeObserver[] = [];
  private lastFired: { key: string; line: number; count: number } | undefined;

  constructor(
    start: string | number,
    readonly policy: PolicyConfig = DEFAULT_POLICY,
    caseId = 'case-0001',
  ) {
    this.clock = typeof start === 'number' ? iso(start) : start;
    this.state = newCase({ caseId, district: LIFE_DISTRICT, parkName: '渝北人力资源服务产业园', policy, policyTimeScale: 1 }, Date.parse(this.clock), this.clock);
    this.lastCommitAt = this.clock;
    this.log.push(`${this.clock} case ${caseId} opened (draft)`);
  }

  observe(observer: LifeObserver): this {
    this.observers.push(observer);
    return this;
  }

  get final(): boolean {
    return FINAL_STAGES.includes(this.state.stage);
  }

  context(now = this.clock): Context {
    return { now, policy: this.policy, civil: true };
  }

  private emit(event: LifeEvent): void {
    for (const observer of this.observers) observer(event, this);
  }

  private crash(where: string, error: unknown): void {
    this.crashed = true;
    this.log.push(`${this.clock}   !! ${where} threw ${describeFailure(error)}`);
    this.emit({ type: 'crashed', where, at: this.clock, error });
  }

  /** The workflow's commit: version, updatedAt and deadlines, at the clock. */
  private commit(): void {
    this.state.version += 1;
    this.state.updatedAt = this.clock;
    this.state.deadlines = deadlinesOf(this.state, this.context());
    this.lastCommitAt = this.clock;
  }

  /** One step of a spec'd life. */
  step(step: Step): void {
    if ('act' in step) this.act(resolveAction(step.act, this.state, this.clock));
    else this.advance(step.advance);
  }

  /**
   * An officer action at the current clock: validate (a throw is a refusal and leaves the state as it was), else
   * apply and commit, then let the loop fire whatever is now due (the workflow's loop wakes on the new version).
   * Returns the failure of a refusal, or undefined.
   */
  act(resolved: ResolvedAction): unknown {
    if (this.crashed) return undefined;
    // An Update's argument arrives as JSON (Temporal's payload converter): undefined fields are gone.
    const { name, request } = JSON.parse(JSON.stringify(resolved)) as ResolvedAction;
    this.lastFired = undefined;
    const action = OFFICER_ACTIONS.find((a) => a.update.name === name);
    if (!action) throw new Error(`no officer action '${name}'`);
    const head = `${this.clock} ${request.actor.role}${request.actor.role === 'expert' ? ` ${request.actor.id}` : ''} ${name} ${describeRequest(name, request)}`;
    const beforeJson = JSON.stringify(this.state);
    try {
      action.validate(this.state, request, this.context());
    } catch (failure) {
      this.log.push(`${head} → refused ${describeFailure(failure)}`);
      if (!(failure instanceof ApplicationFailure)) {
        this.crash(`validate ${name}`, failure);
        return failure;
      }
      this.emit({ type: 'refused', name, request, at: this.clock, failure, changed: JSON.stringify(this.state) !== beforeJson });
      return failure;
    }
    const before = this.state.stage;
    let outcome: Outcome;
    try {
      outcome = action.apply(this.state, request, this.context());
      this.commit();
    } catch (error) {
      this.log.push(`${head} → apply threw`);
      this.crash(`apply ${name}`, error);
      return undefined;
    }
    const instructed = outcome.instruct.map((p) => `${p.kind} ${p.amount}`).join(', ');
    this.log.push(`${head} → ${before === this.state.stage ? 'ok' : `${before} → ${this.state.stage}`}${instructed ? `; instructs ${instructed}` : ''}`);
    this.emit({ type: 'applied', name, request, at: this.clock, outcome, before });
    this.advanceTo(this.clock);
    return undefined;
  }

  /** Advances by an abstract spec (logged with its resolution). */
  advance(spec: AdvanceSpec): void {
    if (this.crashed) return;
    const target = resolveAdvance(spec, this.state, this.clock, this.policy);
    const { to, ...params } = spec;
    this.log.push(`${this.clock} advance ${to} ${JSON.stringify(params)} → ${target}${target <= this.clock ? ' (not after the clock: stays)' : ''}`);
    this.lastFired = undefined;
    this.advanceTo(target > this.clock ? target : this.clock);
  }

  /**
   * The workflow loop until `target`: fire every due element at its instant, continue-as-new at the run's
   * reporting-year boundary, stop at `target` (or when the case reaches a final stage).
   */
  advanceTo(target: string): void {
    while (!this.crashed && !this.final) {
      const due = this.attempt('nextDueEvent', () => nextDueEvent(this.state, this.context()));
      if (this.crashed) return;
      if (YEARLY_STAGES.includes(this.state.stage)) this.runYearEnd ??= nextYearStart(this.clock);
      const yearEnd = YEARLY_STAGES.includes(this.state.stage) ? this.runYearEnd : undefined;
      if (due && due.at <= this.clock) {
        const before = this.state.stage;
        const outcome = this.attempt(`fire ${due.series.key}`, () => {
          const change = fireDue(this.state, due);
          this.commit();
          return change;
        });
        if (!outcome) return;
        this.logFired(due.series.key, due.index, before);
        this.emit({ type: 'fired', key: due.series.key, index: due.index, at: this.clock, outcome, before });
        continue;
      }
      if (yearEnd && yearEnd <= this.clock) {
        this.attempt('pruneFired', () => pruneFired(this.state, this.context()));
        if (this.crashed) return;
        // continue-as-new: the next run gets the state as its JSON input.
        const before = this.state;
        this.state = JSON.parse(JSON.stringify(this.state)) as CaseSnapshot;
        this.runYearEnd = undefined;
        this.lastFired = undefined;
        this.log.push(`${this.clock}   continue-as-new (reporting-year boundary)`);
        this.emit({ type: 'continuedAsNew', at: this.clock, before });
        this.commit(); // the new run records that its reporting year began
        continue;
      }
      const wake = [due?.at, yearEnd].filter((t): t is string => !!t).sort()[0];
      if (!wake || wake > target) break;
      this.clock = wake;
    }
    if (target > this.clock) this.clock = target;
  }

  private attempt<T>(where: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.crash(where, error);
      return undefined;
    }
  }

  private logFired(key: string, index: number, before: Stage): void {
    const changed = before !== this.state.stage;
    if (!changed && this.lastFired?.key === key && this.lastFired.line === this.log.length - 1) {
      this.lastFired.count += 1;
      this.log[this.lastFired.line] = this.log[this.lastFired.line].replace(/( #\d+)(?:\.\.#\d+ ×\d+, last [^ ]+)?$/, `$1..#${index} ×${this.lastFired.count}, last ${this.clock}`);
      return;
    }
    this.log.push(`${this.clock}   timer ${key}${changed ? ` → ${this.state.stage}` : ''} #${index}`);
    this.lastFired = changed ? undefined : { key, line: this.log.length - 1, count: 1 };
  }

  /** The life as a readable script. */
  script(): string {
    return this.log.join('\n');
  }
}

/** Runs a whole spec'd life; the observers see every event. */
export function runLife(spec: LifeSpec, observers: LifeObserver[] = []): LifeModel {
  const model = new LifeModel(spec.start);
  for (const observer of observers) model.observe(observer);
  for (const step of spec.steps) {
    if (model.crashed) break;
    model.step(step);
  }
  return model;
}

/**
 * Property-based tests over random lives of a park case, in the pure model of the workflow loop
 * (test/support/life-model.ts): after every officer action, refusal, timed event and continue-as-new, the case
 * must keep the policy's invariants (policy.md). Each property runs over the same random lives (one seed per run
 * of this file, FC_SEED to replay one); a failure is shrunk and printed as the life's script.
 */
import { ApplicationFailure } from '@temporalio/common';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { CaseSnapshot, Deadline, DeadlineKind, Payment } from '../../workflows/definitions/case';
import { ACTION_STAGES, FINAL_STAGES } from '../../workflows/case-stages';
import { life } from '../support/life-arbitraries';
import { cqDay, cqYear, endOfCqDay, LifeModel, plusDays, plusYears, type LifeEvent, type LifeSpec } from '../support/life-model';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 2000);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);
const PATH = process.env.FC_PATH;

type Stage = CaseSnapshot['stage'];
/** The invariant groups; each has its test below. */
type Invariant = 'payments' | 'tranche2' | 'refund' | 'deadlines' | 'evaluation' | 'refusals' | 'json' | 'stages' | 'overdue';
interface Violation {
  invariant: Invariant;
  message: string;
  /** The script line the violation follows. */
  line: number;
}

/** §5: where each stage may go (a self-loop is an action or event that keeps the stage). */
const TRANSITIONS: Record<Stage, Stage[]> = {
  draft: ['submitted', 'returned'],
  returned: ['submitted', 'returned', 'lapsed'],
  submitted: ['accepted', 'returned'],
  accepted: ['under_review'],
  under_review: ['under_review', 'designated', 'rejected'],
  designated: ['designated', 'rectifying', 'revoked', 'closed'],
  rectifying: ['designated', 'rectifying', 'revoked', 'closed'],
  revoked: ['revoked', 'closed'],
  lapsed: [],
  rejected: [],
  closed: [],
};

const GRANT = 600_000;
const REPORT_DUE = (year: number) => endOfCqDay(`${year + 1}-03-31`);
/** R-RPT-5, computed here: the designation year when designated on or before 30 June (Chongqing), else the next. */
const firstReportingYear = (designatedAt: string) => (cqDay(designatedAt).slice(5) <= '06-30' ? cqYear(designatedAt) : cqYear(designatedAt) + 1);
const inFlight = (state: CaseSnapshot) => state.payments.filter((p) => p.status === 'instructed');
const trancheTotal = (state: CaseSnapshot) => state.payments.filter((p) => p.kind !== 'incubation_grant').reduce((sum, p) => sum + p.amount, 0);

/** Watches one life and collects every broken invariant. */
class Checker {
  readonly violations: Violation[] = [];
  private prevStage: Stage = 'draft';
  private prevPayments: Payment[] = [];
  private prevExperts: string[] = [];
  private readonly instructedIds = new Set<string>();
  private instructedSum = 0;
  /** When the current review window began (panel formed, or experts added). */
  private reviewWindowFrom: string | undefined;
  /** The day the latest rectification order names. */
  private rectifyDay: string | undefined;
  private revokedAt: string | undefined;
  /** When the latest annual_report_overdue notices went out. */
  private lastOverdueAt: string | undefined;

  constructor(private readonly model: LifeModel) {}

  private fail(invariant: Invariant, message: string): void {
    this.violations.push({ invariant, message, line: this.model.log.length });
  }

  readonly onEvent = (event: LifeEvent, model: LifeModel): void => {
    const state = model.state;
    if (event.type === 'crashed') {
      this.fail('refusals', `${event.where} threw ${String((event.error as Error)?.stack ?? event.error)}`);
      return;
    }
    if (event.type === 'refused') {
      this.checkRefusal(event, state);
      if (event.changed) this.fail('refusals', `validate ${event.name} changed the state`);
      return;
    }
    if (event.type === 'applied' || event.type === 'fired') {
      if (event.before !== this.prevStage) this.fail('stages', `the ${event.type === 'fired' ? event.key : event.name} began in ${event.before}, but the case was ${this.prevStage}`);
      this.trackWindows(event, state);
      this.checkInstructions(event, state);
      if (event.type === 'fired') this.checkTimer(event, state);
    }
    this.checkStage(state, event);
    this.checkPayments(state);
    this.checkRefund(state);
    this.checkDeadlines(state, model.lastCommitAt);
    this.checkEvaluation(state);
    this.checkJson(state, event);
    this.prevStage = state.stage;
    this.prevPayments = state.payments.map((p) => ({ ...p }));
    this.prevExperts = [...(state.panel?.expertIds ?? [])];
  };

  private checkRefusal(event: Extract<LifeEvent, { type: 'refused' }>, state: CaseSnapshot): void {
    const failure = event.failure;
    if (!(failure instanceof ApplicationFailure)) return this.fail('refusals', `${event.name} refused with a ${String(failure)}`);
    const detail = (failure.details?.[0] ?? {}) as { stage?: unknown; action?: unknown; rule?: unknown; field?: unknown };
    const allowed = (ACTION_STAGES[event.name] as readonly string[]).includes(state.stage);
    if (failure.type === 'InvalidStage') {
      if (typeof detail.stage !== 'string' || !detail.stage) this.fail('refusals', `${event.name}: InvalidStage names no stage (${JSON.stringify(failure.details)})`);
      if (detail.action !== event.name) this.fail('refusals', `${event.name}: InvalidStage names action ${String(detail.action)}`);
      // The one InvalidStage in an allowed stage: a resubmission after its window, before the lapse is processed (policy.md).
      const lateResubmission = event.name === 'submitApplication' && state.stage === 'returned' && detail.stage === 'lapsed';
      if (allowed && !lateResubmission) this.fail('refusals', `${event.name} refused as InvalidStage '${String(detail.stage)}' although stage ${state.stage} allows it: ${failure.message}`);
      if (!lateResubmission && detail.stage !== state.stage) this.fail('refusals', `${event.name}: InvalidStage names stage ${String(detail.stage)}, the case is ${state.stage}`);
    } else if (failure.type === 'InvalidInput') {
      if (typeof detail.rule !== 'string' || !detail.rule) this.fail('refusals', `${event.name}: InvalidInput names no rule: ${failure.message} (${JSON.stringify(failure.details)})`);
      if (typeof detail.field !== 'string' || !detail.field) this.fail('refusals', `${event.name}: InvalidInput names no field: ${failure.message}`);
      if (!allowed) this.fail('refusals', `${event.name} in stage ${state.stage} refused as InvalidInput, not InvalidStage: ${failure.message}`);
    } else {
      this.fail('refusals', `${event.name} refused with failure type ${String(failure.type)}: ${failure.message}`);
    }
  }

  private trackWindows(event: Extract<LifeEvent, { type: 'applied' | 'fired' }>, state: CaseSnapshot): void {
    if (event.type !== 'applied') return;
    if (event.name === 'formPanel' && state.panel) {
      const added = state.panel.expertIds.some((id) => !this.prevExperts.includes(id));
      if (this.prevExperts.length === 0 || added) this.reviewWindowFrom = event.at;
    }
    if (event.name === 'evaluation' && event.request.outcome === 'rectify') this.rectifyDay = event.request.rectifyBy as string;
    if (event.name === 'evaluation' && event.request.outcome === 'revoke') this.revokedAt = event.at;
  }

  /** R-PAY-1 / §5.2 at the moment of an instruction; R-RPT-5 for tranche 2. */
  private checkInstructions(event: Extract<LifeEvent, { type: 'applied' | 'fired' }>, state: CaseSnapshot): void {
    const newOnes = state.payments.filter((p) => !this.prevPayments.some((q) => q.paymentId === p.paymentId));
    const instructed = event.outcome.instruct;
    if (!isDeepStrictEqual(newOnes.map((p) => p.paymentId).sort(), instructed.map((p) => p.paymentId).sort())) {
      this.fail('payments', `new payments ${JSON.stringify(newOnes.map((p) => p.paymentId))} differ from those instructed ${JSON.stringify(instructed.map((p) => p.paymentId))}`);
    }
    for (const payment of instructed) {
      if (this.instructedIds.has(payment.paymentId)) this.fail('payments', `payment ${payment.paymentId} is instructed a second time`);
      this.instructedIds.add(payment.paymentId);
      this.instructedSum += payment.amount;
      if (payment.instructedAt !== event.at) this.fail('payments', `payment ${payment.paymentId} instructed at ${event.at} says instructedAt ${payment.instructedAt}`);
      if (payment.kind !== 'subsidy_tranche_2') continue;
      const designation = state.designation;
      if (!designation) {
        this.fail('tranche2', 'tranche 2 instructed without a designation');
        continue;
      }
      const first = firstReportingYear(designation.designatedAt);
      const from = endOfCqDay(`${first}-12-31`); // 1 January first+1, 00:00 Chongqing
      if (event.at < from) this.fail('tranche2', `tranche 2 instructed at ${event.at}, before 1 January ${first + 1} (${from}) after the first reporting year ${first}`);
      if (!state.reports.some((r) => r.year === first)) this.fail('tranche2', `tranche 2 instructed at ${event.at} before the report for the first reporting year ${first} is in`);
      if (event.before === 'revoked' || state.stage === 'revoked' || state.stage === 'closed') this.fail('tranche2', `tranche 2 instructed on a ${state.stage} case`);
    }
    const subsidy = state.designation?.subsidyAmount ?? 0;
    if (this.instructedSum > subsidy + GRANT) this.fail('payments', `${this.instructedSum} CNY instructed in all, more than the subsidy ${subsidy} + one grant ${GRANT}`);
  }

  private checkTimer(event: Extract<LifeEvent, { type: 'fired' }>, state: CaseSnapshot): void {
    if (event.before === 'returned' && state.stage === 'lapsed') {
      const due = endOfCqDay(plusDays(cqDay(state.returnedAt!), 30));
      if (event.at !== due) this.fail('stages', `lapsed at ${event.at}, the resubmission window (returned ${state.returnedAt}) ends ${due}`);
    }
    const overdue = event.outcome.notices.filter((n) => n.kind === 'annual_report_overdue');
    if (overdue.length === 0) return;
    // R-RPT-6: one notice per case per week (to the district and to the municipal bureau), listing every year still unreported.
    if (this.lastOverdueAt && Date.parse(event.at) - Date.parse(this.lastOverdueAt) < 7 * 86_400_000) {
      this.fail('overdue', `overdue notices at ${event.at}, only ${(Date.parse(event.at) - Date.parse(this.lastOverdueAt)) / 86_400_000} days after those at ${this.lastOverdueAt}`);
    }
    this.lastOverdueAt = event.at;
    const roles = overdue.map((n) => n.recipient.role).sort();
    if (!isDeepStrictEqual(roles, ['district', 'municipal'])) this.fail('overdue', `overdue notices at ${event.at} go to ${roles.join(', ')}`);
    const first = firstReportingYear(state.designation!.designatedAt);
    const missing: number[] = [];
    for (let year = first; REPORT_DUE(year) <= event.at; year += 1) if (!state.reports.some((r) => r.year === year)) missing.push(year);
    for (const notice of overdue) {
      const listed = (/for ([\d, ]+) have not arrived/.exec(notice.message)?.[1] ?? '').split(', ').map(Number);
      if (!isDeepStrictEqual(listed, missing)) this.fail('overdue', `overdue notice at ${event.at} lists ${listed.join(', ')}; unreported and overdue: ${missing.join(', ')}`);
    }
  }

  private checkStage(state: CaseSnapshot, event: LifeEvent): void {
    const from = this.prevStage;
    if (state.stage === from) {
      if (FINAL_STAGES.includes(from) && event.type !== 'continuedAsNew') this.fail('stages', `a ${event.type === 'applied' ? event.name : event.type === 'fired' ? event.key : event.type} was accepted on a ${from} case`);
      return;
    }
    if (!TRANSITIONS[from].includes(state.stage)) this.fail('stages', `stage ${from} → ${state.stage} is not an allowed transition (${event.type === 'applied' ? event.name : event.type === 'fired' ? event.key : event.type})`);
  }

  private checkPayments(state: CaseSnapshot): void {
    const ids = state.payments.map((p) => p.paymentId);
    const kinds = state.payments.map((p) => p.kind);
    if (new Set(ids).size !== ids.length) this.fail('payments', `a payment id appears twice: ${ids.join(', ')}`);
    if (new Set(kinds).size !== kinds.length) this.fail('payments', `a payment kind appears twice: ${kinds.join(', ')}`);
    for (const previous of this.prevPayments) {
      const now = state.payments.find((p) => p.paymentId === previous.paymentId);
      if (!now) this.fail('payments', `payment ${previous.paymentId} disappeared`);
      else if (now.amount !== previous.amount || now.kind !== previous.kind || now.instructedAt !== previous.instructedAt) this.fail('payments', `payment ${previous.paymentId} changed its amount, kind or instruction`);
      else if (previous.status === 'paid' && now.status !== 'paid') this.fail('payments', `payment ${previous.paymentId} went back from paid to ${now.status}`);
    }
    if (state.payments.length === 0) return;
    const subsidy = state.designation?.subsidyAmount;
    if (subsidy === undefined) return this.fail('payments', 'payments without a designation');
    const tranche1 = Math.floor(subsidy / 2);
    for (const payment of state.payments) {
      const expected = payment.kind === 'subsidy_tranche_1' ? tranche1 : payment.kind === 'subsidy_tranche_2' ? subsidy - tranche1 : GRANT;
      if (payment.amount !== expected) this.fail('payments', `${payment.kind} of a ${subsidy} CNY subsidy is ${payment.amount}, not ${expected}`);
    }
    const total = state.payments.reduce((sum, p) => sum + p.amount, 0);
    if (total > subsidy + GRANT) this.fail('payments', `payments total ${total} > subsidy ${subsidy} + grant ${GRANT}`);
  }

  /** R-PAY-1 / R-REF-1. */
  private checkRefund(state: CaseSnapshot): void {
    const demand = state.refundDemand;
    if (demand) {
      const ceiling = trancheTotal(state);
      if (demand.amount > ceiling) this.fail('refund', `refund demand ${demand.amount} exceeds the ${ceiling} CNY of subsidy tranches paid or in flight`);
      if (!Number.isInteger(demand.amount) || demand.amount <= 0) this.fail('refund', `refund demand of ${demand.amount}`);
      const paid = demand.payments.reduce((sum, p) => sum + p.amount, 0);
      if (paid !== demand.paidAmount || demand.paidAmount > demand.amount) this.fail('refund', `refund paid ${demand.paidAmount} (payments sum ${paid}) of a ${demand.amount} demand`);
      if (demand.status === 'settled' && demand.paidAmount !== demand.amount) this.fail('refund', `settled demand with ${demand.paidAmount} of ${demand.amount} paid`);
    }
    const demandDone = !demand || demand.status === 'settled' || demand.status === 'written_off';
    if (state.stage === 'closed') {
      if (inFlight(state).length > 0) this.fail('refund', `closed with money in flight: ${inFlight(state).map((p) => p.paymentId).join(', ')}`);
      if (!demandDone) this.fail('refund', `closed with the refund demand ${demand?.status}`);
    }
    if (state.stage === 'revoked' && demandDone && inFlight(state).length === 0) this.fail('refund', 'a revoked case with nothing in flight and no open demand did not close');
  }

  /** R-CAL-1 / R-CAL-2: the deadlines the case lists are exactly those the rules give, at the latest commit. */
  private checkDeadlines(state: CaseSnapshot, at: string): void {
    for (const deadline of state.deadlines) {
      if (!deadline.dueAt.endsWith('T16:00:00.000Z')) this.fail('deadlines', `${deadline.kind} deadline ${deadline.dueAt} does not end a Chongqing day (16:00:00.000Z)`);
      if (deadline.dueDate !== deadline.dueAt.slice(0, 10)) this.fail('deadlines', `${deadline.kind} deadline ${deadline.dueAt} has dueDate ${deadline.dueDate}`);
    }
    const expected: Deadline[] = [];
    const push = (kind: DeadlineKind, dueAt: string) => expected.push({ kind, dueAt, dueDate: dueAt.slice(0, 10) });
    if (state.stage === 'returned') push('resubmission', endOfCqDay(plusDays(cqDay(state.returnedAt!), 30)));
    if (state.panel) {
      const due = endOfCqDay(plusDays(cqDay(this.reviewWindowFrom ?? state.panel.formedAt), 14));
      if (state.panel.reviewDueAt !== due) this.fail('deadlines', `review due ${state.panel.reviewDueAt}, the panel's window (from ${this.reviewWindowFrom}) ends ${due}`);
      if (state.stage === 'under_review' && !state.reviewSummary) push('review', due);
    }
    for (const payment of state.payments) {
      const due = endOfCqDay(plusDays(cqDay(payment.instructedAt), 14));
      if (payment.confirmBy !== due) this.fail('deadlines', `${payment.paymentId} confirmBy ${payment.confirmBy}, expected ${due} (instructed ${payment.instructedAt} + 14 days)`);
      if (payment.status === 'instructed') push('payment_confirmation', due);
    }
    for (const report of state.reports) {
      if (report.dueAt !== REPORT_DUE(report.year)) this.fail('deadlines', `report ${report.year} dueAt ${report.dueAt}, expected ${REPORT_DUE(report.year)}`);
      if (report.late !== report.submittedAt >= report.dueAt) this.fail('deadlines', `report ${report.year} submitted ${report.submittedAt} marked late=${report.late} (due ${report.dueAt})`);
    }
    const designation = state.designation;
    if (designation && (state.stage === 'designated' || state.stage === 'rectifying')) {
      for (let year = firstReportingYear(designation.designatedAt); year <= cqYear(at); year += 1) {
        if (!state.reports.some((r) => r.year === year)) push('annual_report', REPORT_DUE(year));
      }
    }
    if (designation && designation.firstReportingYear !== firstReportingYear(designation.designatedAt)) {
      this.fail('deadlines', `designated ${designation.designatedAt} (${cqDay(designation.designatedAt)} Chongqing): first reporting year ${designation.firstReportingYear}, expected ${firstReportingYear(designation.designatedAt)} (R-RPT-5)`);
    }
    if (state.stage === 'designated' && state.nextEvaluationDue) push('evaluation', state.nextEvaluationDue);
    if (state.stage === 'rectifying') {
      const due = this.rectifyDay ? endOfCqDay(this.rectifyDay) : undefined;
      if (state.rectifyBy !== due) this.fail('deadlines', `rectifyBy ${state.rectifyBy}, the order named ${this.rectifyDay} (ends ${due})`);
      if (state.rectifyBy) push('rectification', state.rectifyBy);
    }
    const demand = state.refundDemand;
    if (demand) {
      const due = endOfCqDay(plusDays(cqDay(this.revokedAt!), 60));
      if (demand.dueAt !== due) this.fail('deadlines', `refund due ${demand.dueAt}, expected ${due} (revoked ${this.revokedAt} + 60 days)`);
      if (state.stage === 'revoked' && (demand.status === 'open' || demand.status === 'escalated')) push('refund', due);
    }
    const order = (list: Deadline[]) => [...list].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind));
    if (!isDeepStrictEqual(order(state.deadlines), order(expected))) {
      this.fail('deadlines', `deadlines at ${at}: ${JSON.stringify(state.deadlines)}\n      expected: ${JSON.stringify(order(expected))}`);
    }
    for (let i = 1; i < state.deadlines.length; i += 1) {
      if (state.deadlines[i - 1].dueAt > state.deadlines[i].dueAt) this.fail('deadlines', 'deadlines are not listed earliest first');
    }
  }

  /** R-EVL-2: 3 years after the latest renewal, or after designation (29 Feb → 28 Feb). */
  private checkEvaluation(state: CaseSnapshot): void {
    const designation = state.designation;
    if (!designation || state.stage === 'revoked' || state.stage === 'closed') {
      if (state.nextEvaluationDue !== null && state.stage !== 'designated' && state.stage !== 'rectifying') this.fail('evaluation', `stage ${state.stage} still has an evaluation due ${state.nextEvaluationDue}`);
      return;
    }
    const renewals = state.evaluations.filter((e) => e.outcome === 'renew');
    const base = renewals.length > 0 ? renewals[renewals.length - 1].decidedAt : designation.designatedAt;
    const bound = endOfCqDay(plusYears(cqDay(base), 3));
    const due = state.nextEvaluationDue;
    if (!due) return this.fail('evaluation', `stage ${state.stage} has no next evaluation`);
    if (due > bound) this.fail('evaluation', `next evaluation ${due} is more than 3 years after ${base} (${bound})`);
    if (due !== bound) this.fail('evaluation', `next evaluation ${due}, expected ${bound} (3 years after ${renewals.length > 0 ? 'the latest renewal' : 'designation'} ${base})`);
  }

  /** What the next run (continue-as-new) and every reader (query, read model) get is the state's JSON: nothing may be lost in it. */
  private checkJson(state: CaseSnapshot, event: LifeEvent): void {
    const lost = jsonLoss(state, 'state');
    if (lost) this.fail('json', `the state does not survive a JSON round trip: ${lost}`);
    if (event.type === 'continuedAsNew' && !isDeepStrictEqual(event.before, state)) {
      this.fail('json', `continue-as-new changed the state: ${firstDifference(event.before, state)}`);
    }
  }
}

/**
 * Where a value would not come back from JSON.parse(JSON.stringify(value)) deep-strict-equal (undefined, −0, NaN,
 * ±Infinity, a Date or other non-plain object, a sparse array), or undefined when it would. A walk: cheaper than a
 * round trip and a deep comparison after every event.
 */
function jsonLoss(value: unknown, path: string): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? undefined : `${path} is ${Object.is(value, -0) ? '-0' : value}`;
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          if (!(i in value)) return `${path}[${i}] is a hole`;
          const lost = jsonLoss(value[i], `${path}[${i}]`);
          if (lost) return lost;
        }
        return undefined;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return `${path} is a ${(value as object).constructor?.name ?? 'non-plain object'}`;
      for (const key of Object.keys(value)) {
        const lost = jsonLoss((value as Record<string, unknown>)[key], `${path}.${key}`);
        if (lost) return lost;
      }
      return undefined;
    }
    default:
      return `${path} is ${typeof value}`;
  }
}

/** Where two values first differ (a path), for the JSON round-trip message. */
function firstDifference(a: unknown, b: unknown, path = 'state'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const diff = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (diff) return diff;
    }
    return `${path} (own keys ${JSON.stringify(Object.keys(a))} vs ${JSON.stringify(Object.keys(b))})`;
  }
  return `${path}: ${String(a)} (${typeof a}) became ${JSON.stringify(b)}`;
}

interface LifeResult {
  script: string[];
  violations: Violation[];
}

/** Each life runs once per file run; every property reads its violations. */
const results = new Map<string, LifeResult>();
function check(spec: LifeSpec): LifeResult {
  const key = JSON.stringify(spec);
  let result = results.get(key);
  if (!result) {
    const model = new LifeModel(spec.start);
    const checker = new Checker(model);
    model.observe(checker.onEvent);
    for (const step of spec.steps) if (!model.crashed) model.step(step);
    result = { script: model.log, violations: checker.violations };
    results.set(key, result);
  }
  return result;
}

/** The script of a life with its violations of `invariant` marked where they happened. */
function report(result: LifeResult, invariant: Invariant): string {
  const marks = new Map<number, string[]>();
  for (const v of result.violations.filter((x) => x.invariant === invariant)) marks.set(v.line, [...(marks.get(v.line) ?? []), v.message]);
  return result.script.flatMap((line, i) => [line, ...(marks.get(i + 1) ?? []).map((m) => `      ✗ ${m}`)]).join('\n');
}

const lives = life();

function holds(invariant: Invariant): void {
  fc.assert(
    fc.property(lives, (spec) => {
      const result = check(spec);
      const broken = result.violations.filter((v) => v.invariant === invariant);
      if (broken.length > 0) throw new Error(`${broken.length} violation(s) of ${invariant}: ${broken[0].message}\n\nthe life (✗ marks each violation):\n${report(result, invariant)}`);
    }),
    {
      numRuns: NUM_RUNS,
      seed: SEED,
      ...(PATH ? { path: PATH } : {}),
      reporter: (details) => {
        if (!details.failed) return;
        const error = details.errorInstance as Error | undefined;
        throw new Error(
          `property '${invariant}' failed after ${details.numRuns} lives (shrunk ${details.numShrinks}×); replay with FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath}\n` +
            `${error?.message ?? String(details.errorInstance)}\n\nshrunk life spec: ${JSON.stringify(details.counterexample?.[0])}`,
        );
      },
    },
  );
}

/** The first property runs the lives (≈ 15–20 s on one core); the others read the cached results. */
const TIMEOUT = 120_000;

describe(`random lives of a park case (pure model, ${NUM_RUNS} lives per property)`, () => {
  it(`R-PAY-1 / §5.2: no payment is instructed twice, tranches are ⌊S/2⌋ and S − ⌊S/2⌋, and the sum never exceeds subsidy + one grant, over ${NUM_RUNS} random lives`, () => holds('payments'), TIMEOUT);
  it("R-RPT-5 / §5.2: tranche 2 is instructed only from 1 January after the first reporting year, and only once that year's report is in", () => holds('tranche2'), TIMEOUT);
  it('R-PAY-1 / R-REF-1: a refund demand never exceeds the subsidy tranches paid plus in flight (grant excluded); a case closes exactly when no money is in flight and the demand is done', () => holds('refund'), TIMEOUT);
  // R-CAL-3 (statutory holidays) is not implemented in workflows/ yet: when it is, the expected days in checkDeadlines move to the next working day.
  it('R-CAL-1 / R-CAL-2: every deadline ends at 16:00:00.000Z of its dueDate and falls exactly where its rule puts it (+30 / +14 / +60 days, 31 March, 3 years with 29 Feb → 28 Feb)', () => holds('deadlines'), TIMEOUT);
  it('R-EVL-2: the next evaluation falls 3 years after the latest renewal (or designation), never later', () => holds('evaluation'), TIMEOUT);
  it('§6 / api-contract: every refusal is InvalidStage naming the stage or InvalidInput naming a rule, leaves the case unchanged, and nothing else is ever thrown', () => holds('refusals'), TIMEOUT);
  it('continue-as-new: the case state survives a JSON round trip unchanged after every change', () => holds('json'), TIMEOUT);
  it('R-RPT-6: overdue report notices go out at most once a week per case, to the district and the municipal bureau, listing every year still unreported', () => holds('overdue'), TIMEOUT);
  it('§5 lifecycle: stages move only along allowed transitions, and final stages (lapsed, rejected, closed) never change', () => holds('stages'), TIMEOUT);
});

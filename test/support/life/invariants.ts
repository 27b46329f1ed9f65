/**
 * The invariants a random life of a park case must keep after every officer action, refusal, timed event and
 * continue-as-new (policy.md), checked by observing the pure model (life-model.ts). Each broken invariant is
 * recorded with the script line it follows, so a failing life can be printed with its violations in place.
 * The money and calendar invariants live in life-money-invariants.ts and life-deadline-invariants.ts.
 */
import { ApplicationFailure } from '@temporalio/common';
import { isDeepStrictEqual } from 'node:util';
import type { CaseSnapshot } from '../../../workflows/definitions/case';
import { FINAL_STAGES, isActionAllowed } from '../../../workflows/case-stages';
import { firstDifference, jsonLoss } from './json-round-trip';
import { cqDay, endOfCqDay, plusDays } from './calendar';
import { DeadlineInvariants, firstReportingYear, lastDueReportYear, MOVED, REPORT_DUE } from './deadline-invariants';
import { cqWeekOf, overdueNoticeTimes } from './overdue-weeks';
import { atNineOnWorkday } from './calendar';

/** Notices that tell of something happening at a deadline, so they go out at its instant (R-CAL-3). */
const AT_THE_DEADLINE: readonly string[] = ['application_lapsed', 'review_overdue'];
import type { LifeEvent, LifeModel } from './model';
import { MoneyInvariants } from './money-invariants';
import { PaperInvariants } from './paper-invariants';

type Stage = CaseSnapshot['stage'];
/** The invariant groups; the property test has one property per group. */
export type Invariant =
  | 'payments'
  | 'tranche2'
  | 'refund'
  | 'deadlines'
  | 'evaluation'
  | 'refusals'
  | 'json'
  | 'stages'
  | 'overdue'
  | 'noticeTimes'
  | 'papers';
/** One broken invariant, where in the life it broke. */
export interface Violation {
  invariant: Invariant;
  message: string;
  /** The script line the violation follows. */
  line: number;
}

/** Records a violation of an invariant at the current point of the life. */
export type Fail = (invariant: Invariant, message: string) => void;

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

/** Watches one life (as an observer of its model) and collects every broken invariant. */
export class LifeChecker {
  readonly violations: Violation[] = [];
  /** The length of the script when the current event was observed: the line its violations follow. */
  private line = 0;
  /** The stage as the previous event left it (a case opens in draft). */
  private prevStage: Stage = 'draft';
  /** When the latest annual_report_overdue notices went out. */
  private lastOverdueAt: string | undefined;
  private readonly fail: Fail = (invariant, message) => {
    this.violations.push({ invariant, message, line: this.line });
  };
  private readonly money = new MoneyInvariants(this.fail);
  private readonly calendar = new DeadlineInvariants(this.fail);
  private readonly papers = new PaperInvariants(this.fail);

  /** The observer to register with the model ({@link LifeModel.observe}). */
  readonly onEvent = (event: LifeEvent, model: LifeModel): void => {
    this.line = model.log.length;
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
      if (event.before !== this.prevStage)
        this.fail(
          'stages',
          `the ${event.type === 'fired' ? event.key : event.name} ` +
            `began in ${event.before}, but the case was ${this.prevStage}`,
        );
      // api-contract allowedActions: an action the workflow accepted was offered to its actor.
      if (event.type === 'applied' && !event.allowed)
        this.fail('refusals', `${event.name} was applied in ${event.before} but not among the actor's allowedActions`);
      this.calendar.trackWindows(event, state);
      this.money.checkInstructions(event, state);
      if (event.type === 'fired') this.checkTimer(event, state);
    }
    this.checkStage(state, event);
    this.papers.check(state, this.prevStage);
    this.money.checkPayments(state);
    this.money.checkRefund(state);
    this.calendar.checkDeadlines(state, model.lastCommitAt);
    this.calendar.checkEvaluation(state);
    this.checkJson(state, event);
    this.prevStage = state.stage;
    this.money.remember(state);
    this.calendar.remember(state);
  };

  /**
   * §6 / api-contract: a refusal is InvalidStage naming the stage the case is in, or InvalidInput naming a rule and a
   * field.
   */
  private checkRefusal(event: Extract<LifeEvent, { type: 'refused' }>, state: CaseSnapshot): void {
    const failure = event.failure;
    if (!(failure instanceof ApplicationFailure))
      return this.fail('refusals', `${event.name} refused with a ${String(failure)}`);
    const detail = (failure.details?.[0] ?? {}) as {
      stage?: unknown;
      action?: unknown;
      rule?: unknown;
      field?: unknown;
    };
    const allowed = isActionAllowed(event.name, state.stage);
    if (failure.type === 'InvalidStage') {
      if (typeof detail.stage !== 'string' || !detail.stage)
        this.fail('refusals', `${event.name}: InvalidStage names no stage (${JSON.stringify(failure.details)})`);
      if (detail.action !== event.name)
        this.fail('refusals', `${event.name}: InvalidStage names action ${String(detail.action)}`);
      // The one InvalidStage in an allowed stage: a resubmission after its window, before the lapse is processed
      // (policy.md).
      const lateResubmission =
        event.name === 'submitApplication' && state.stage === 'returned' && detail.stage === 'lapsed';
      if (allowed && !lateResubmission)
        this.fail(
          'refusals',
          `${event.name} refused as InvalidStage '${String(detail.stage)}' ` +
            `although stage ${state.stage} allows it: ${failure.message}`,
        );
      if (!lateResubmission && detail.stage !== state.stage)
        this.fail(
          'refusals',
          `${event.name}: InvalidStage names stage ${String(detail.stage)}, the case is ${state.stage}`,
        );
    } else if (failure.type === 'InvalidInput') {
      if (typeof detail.rule !== 'string' || !detail.rule)
        this.fail(
          'refusals',
          `${event.name}: InvalidInput names no rule: ${failure.message} (${JSON.stringify(failure.details)})`,
        );
      if (typeof detail.field !== 'string' || !detail.field)
        this.fail('refusals', `${event.name}: InvalidInput names no field: ${failure.message}`);
      if (!allowed)
        this.fail(
          'refusals',
          `${event.name} in stage ${state.stage} refused as InvalidInput, not InvalidStage: ${failure.message}`,
        );
    } else {
      this.fail('refusals', `${event.name} refused with failure type ${String(failure.type)}: ${failure.message}`);
    }
  }

  /** A lapse ends the resubmission window exactly (§5.1); overdue notices keep R-RPT-6. */
  private checkTimer(event: Extract<LifeEvent, { type: 'fired' }>, state: CaseSnapshot): void {
    if (event.before === 'returned' && state.stage === 'lapsed') {
      const due = MOVED(endOfCqDay(plusDays(cqDay(state.returnedAt!), 30)));
      if (event.at !== due)
        this.fail(
          'stages',
          `lapsed at ${event.at}, the resubmission window (returned ${state.returnedAt}) ends ${due}`,
        );
    }
    // R-CAL-3: reminders and repeated notices go out at 09:00 on working days; only what happens at a deadline itself
    // (a lapse, a review window closing) is told at the deadline.
    const timed = event.outcome.notices.filter((n) => !AT_THE_DEADLINE.includes(n.kind));
    if (timed.length > 0 && !atNineOnWorkday(event.at))
      this.fail('noticeTimes', `${timed.map((n) => n.kind).join(', ')} at ${event.at}: not 09:00 of a working day`);
    const overdue = event.outcome.notices.filter((n) => n.kind === 'annual_report_overdue');
    if (overdue.length === 0) return;
    // R-RPT-6: one notice per case per calendar week (to the district and to the municipal bureau), listing every year
    // still unreported.
    // The week is Monday–Sunday (Chongqing); a notice goes out at 09:00 of its first working day, or of the first
    // working day after a report's deadline (the first of an overdue run).
    const week = cqWeekOf(event.at);
    if (this.lastOverdueAt && cqWeekOf(this.lastOverdueAt) === week)
      this.fail('overdue', `overdue notices at ${event.at} and at ${this.lastOverdueAt}: the same calendar week`);
    this.lastOverdueAt = event.at;
    const roles = overdue.map((n) => n.recipient.role).sort();
    if (!isDeepStrictEqual(roles, ['district', 'municipal']))
      this.fail('overdue', `overdue notices at ${event.at} go to ${roles.join(', ')}`);
    const first = firstReportingYear(state.designation!.designatedAt);
    const last = lastDueReportYear(state, event.at); // R-RPT-5: none due from the revocation year on
    const deadlines: string[] = [];
    for (let year = first; year <= last; year += 1) deadlines.push(MOVED(REPORT_DUE(year)));
    if (!overdueNoticeTimes(week, deadlines).includes(event.at))
      this.fail(
        'overdue',
        `overdue notices at ${event.at}: not 09:00 of the week's first working day nor after a deadline`,
      );
    const missing: number[] = [];
    for (let year = first; year <= last && MOVED(REPORT_DUE(year)) <= event.at; year += 1)
      if (!state.reports.some((r) => r.year === year)) missing.push(year);
    for (const notice of overdue) {
      const listed = ((notice.message.params?.years ?? []) as string[]).map(Number);
      if (!isDeepStrictEqual(listed, missing))
        this.fail(
          'overdue',
          `overdue notice at ${event.at} lists ${listed.join(', ')}; unreported and overdue: ${missing.join(', ')}`,
        );
    }
  }

  /** §5: stages move only along {@link TRANSITIONS}, and a final stage accepts nothing. */
  private checkStage(state: CaseSnapshot, event: LifeEvent): void {
    const from = this.prevStage;
    if (state.stage === from) {
      if (FINAL_STAGES.includes(from) && event.type !== 'continuedAsNew')
        this.fail(
          'stages',
          `a ${event.type === 'applied' ? event.name : event.type === 'fired' ? event.key : event.type} ` +
            `was accepted on a ${from} case`,
        );
      return;
    }
    if (!TRANSITIONS[from].includes(state.stage))
      this.fail(
        'stages',
        `stage ${from} → ${state.stage} is not an allowed transition ` +
          `(${event.type === 'applied' ? event.name : event.type === 'fired' ? event.key : event.type})`,
      );
  }

  /**
   * What the next run (continue-as-new) and every reader (query, read model) get is the state's JSON: nothing may be
   * lost in it.
   */
  private checkJson(state: CaseSnapshot, event: LifeEvent): void {
    const lost = jsonLoss(state, 'state');
    if (lost) this.fail('json', `the state does not survive a JSON round trip: ${lost}`);
    if (event.type === 'continuedAsNew' && !isDeepStrictEqual(event.before, state)) {
      this.fail('json', `continue-as-new changed the state: ${firstDifference(event.before, state)}`);
    }
  }
}

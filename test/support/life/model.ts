/**
 * A pure model of one park case's life, built only from the lifecycle functions (no Temporal): officer actions
 * are validated and applied as the workflow's Update handlers do, and the clock advances the way the loop in
 * `workflows/park-case/schedule-loop.ts` advances (timed series fire exactly at their instants, the run continues as
 * new at each Chongqing reporting-year boundary while the case is in a yearly stage). Every step is logged, so a
 * life reads back as a script (life-script.ts).
 *
 * The model is driven with abstract steps (life-steps.ts) that it resolves against the case as it stands
 * (life-resolve.ts): the random-lives tests generate and shrink those, and replay the resolved requests against
 * the real workflow.
 */
import { ApplicationFailure } from '@temporalio/common';
import { YEARLY_STAGES, type Actor, type CaseSnapshot } from '../../../workflows/definitions/case';
import { DEFAULT_POLICY, type PolicyConfig } from '../../../workflows/definitions/policy';
import { FINAL_STAGES } from '../../../workflows/case-stages';
import { nextYearStart } from '../../../workflows/definitions/civil-date';
import { OFFICER_UPDATES } from '../../../workflows/lifecycle/actions';
import { allowedActions } from '../../../workflows/definitions/allowed-actions';
import { deadlinesOf } from '../../../workflows/lifecycle/deadlines';
import { newCase } from '../../../workflows/lifecycle/intake';
import type { Context, Outcome } from '../../../workflows/lifecycle/outcome';
import { fireDue, nextDueEvent, pruneFired } from '../../../workflows/lifecycle/schedule';
import { cqYear, iso } from './calendar';
import { workCalendarOf } from '../../../persistence/reference/holiday-arrangements';
import type { CaseCalendar } from '../../../workflows/definitions/work-calendar';
import { resolveAction, resolveAdvance } from './resolve';
import { actionHead, describeFailure, TimerLines } from './script';
import {
  LIFE_DISTRICT,
  type ActionName,
  type AdvanceSpec,
  type LifeSpec,
  type ResolvedAction,
  type Step,
} from './steps';

type Stage = CaseSnapshot['stage'];

/** How many years the model's calendar reaches past the opening: a life's length and its runs' look ahead. */
const LIFE_CALENDAR_YEARS = 20;

/**
 * More events due at one instant than any case holds: the schedule is not advancing (a broken rule fires the same
 * event again and again), and the life ends as a crash at once rather than spinning until a timeout.
 */
const MAX_FIRES_AT_ONE_INSTANT = 1_000;

/** Something the model observed; the random-lives properties check them. */
export type LifeEvent =
  /** `allowed`: the case view listed the action among the actor's `allowedActions` just before it. */
  | {
      type: 'applied';
      name: ActionName;
      request: Record<string, unknown>;
      at: string;
      outcome: Outcome;
      before: Stage;
      allowed: boolean;
    }
  /** `changed`: the validator changed the state (it must not: a refused action leaves the case as it was). */
  | {
      type: 'refused';
      name: ActionName;
      request: Record<string, unknown>;
      at: string;
      failure: unknown;
      changed: boolean;
    }
  | { type: 'fired'; key: string; index: number; at: string; outcome: Outcome; before: Stage }
  /** `before`: the state as the run ended; the model goes on with its JSON, as the next run receives it. */
  | { type: 'continuedAsNew'; at: string; before: CaseSnapshot }
  /**
   * Something other than an ApplicationFailure from validate, or anything from apply / the schedule: the life stops.
   */
  | { type: 'crashed'; where: string; at: string; error: unknown };

/** Sees each event as it happens, with the model in the state the event left it. */
export type LifeObserver = (event: LifeEvent, model: LifeModel) => void;

/** One case's life in the pure model. */
export class LifeModel {
  state: CaseSnapshot;
  clock: string;
  /** The reporting-year boundary that ends the current run (fixed when the run first reaches a yearly stage). */
  runYearEnd: string | undefined;
  /** The instant of the latest commit (the `deadlines` are computed then). */
  lastCommitAt: string;
  /** The script, a line per action, advance and timed event (readable with {@link LifeModel.script}). */
  readonly log: string[] = [];
  /** Set when something crashed: the life stops there. */
  crashed = false;
  private readonly observers: LifeObserver[] = [];
  private readonly timerLines = new TimerLines(this.log);
  private readonly calendar: CaseCalendar;

  constructor(
    start: string | number,
    readonly policy: PolicyConfig = DEFAULT_POLICY,
    caseId = 'case-0001',
  ) {
    this.clock = typeof start === 'number' ? iso(start) : start;
    this.state = newCase(
      { caseId, district: LIFE_DISTRICT, parkName: '渝北人力资源服务产业园', policy, policyTimeScale: 1 },
      Date.parse(this.clock),
      this.clock,
    );
    // R-CAL-3: the calendar the workflow reads in each run (the installed data, from the year before the opening, and
    // the law-fixed holidays of later years — the same days whichever run reads them); the state refers to it by
    // version.
    const fromYear = cqYear(this.clock) - 1;
    this.calendar = { ...workCalendarOf([], fromYear, fromYear + LIFE_CALENDAR_YEARS), floors: {} };
    this.state.calendar = { version: this.calendar.version, fromYear, floors: {} };
    this.lastCommitAt = this.clock;
    this.log.push(`${this.clock} case ${caseId} opened (draft)`);
  }

  /** Adds an observer of every later event. */
  observe(observer: LifeObserver): this {
    this.observers.push(observer);
    return this;
  }

  /** The case is in a final stage: the workflow has ended, nothing happens to it any more. */
  get final(): boolean {
    return FINAL_STAGES.includes(this.state.stage);
  }

  /** The context the lifecycle functions get, as the workflow gives it. */
  context(now = this.clock): Context {
    return { now, policy: this.policy, calendar: this.calendar };
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
    this.timerLines.break();
    const action = OFFICER_UPDATES.find((a) => a.update.name === name);
    if (!action) throw new Error(`no officer action '${name}'`);
    const head = actionHead(this.clock, { name, request });
    const beforeJson = JSON.stringify(this.state);
    const allowed = allowedActions(this.state, request.actor as Actor).includes(name);
    try {
      action.validate(this.state, request, this.context());
    } catch (failure) {
      this.log.push(`${head} → refused ${describeFailure(failure)}`);
      if (!(failure instanceof ApplicationFailure)) {
        this.crash(`validate ${name}`, failure);
        return failure;
      }
      this.emit({
        type: 'refused',
        name,
        request,
        at: this.clock,
        failure,
        changed: JSON.stringify(this.state) !== beforeJson,
      });
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
    this.log.push(
      `${head} → ${before === this.state.stage ? 'ok' : `${before} → ${this.state.stage}`}` +
        `${instructed ? `; instructs ${instructed}` : ''}`,
    );
    this.emit({ type: 'applied', name, request, at: this.clock, outcome, before, allowed });
    this.advanceTo(this.clock);
    return undefined;
  }

  /** Advances by an abstract spec (logged with its resolution). */
  advance(spec: AdvanceSpec): void {
    if (this.crashed) return;
    const target = resolveAdvance(spec, this.state, this.clock, this.policy);
    const { to, ...params } = spec;
    this.log.push(
      `${this.clock} advance ${to} ${JSON.stringify(params)} ` +
        `→ ${target}${target <= this.clock ? ' (not after the clock: stays)' : ''}`,
    );
    this.timerLines.break();
    this.advanceTo(target > this.clock ? target : this.clock);
  }

  /**
   * The workflow loop until `target`: fire every due element at its instant, continue-as-new at the run's
   * reporting-year boundary, stop at `target` (or when the case reaches a final stage).
   */
  advanceTo(target: string): void {
    let firedAt = this.clock;
    let firedHere = 0;
    while (!this.crashed && !this.final) {
      const due = this.attempt('nextDueEvent', () => nextDueEvent(this.state, this.context()));
      if (this.crashed) return;
      if (YEARLY_STAGES.includes(this.state.stage)) this.runYearEnd ??= nextYearStart(this.clock);
      const yearEnd = YEARLY_STAGES.includes(this.state.stage) ? this.runYearEnd : undefined;
      if (due && due.at <= this.clock) {
        [firedAt, firedHere] = [this.clock, firedAt === this.clock ? firedHere + 1 : 1];
        if (firedHere > MAX_FIRES_AT_ONE_INSTANT) {
          this.crash(
            'schedule',
            new Error(`${firedHere} events fired at ${this.clock}: the schedule does not advance`),
          );
          return;
        }
        const before = this.state.stage;
        const outcome = this.attempt(`fire ${due.series.key}`, () => {
          const change = fireDue(this.state, due);
          this.commit();
          return change;
        });
        if (!outcome) return;
        this.timerLines.add(this.clock, due.series.key, due.index, before, this.state.stage);
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
        this.timerLines.break();
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

  /**
   * Runs a lifecycle function the workflow runs unguarded: a throw there is a bug (it fails the workflow's task), so
   * here it ends the life.
   */
  private attempt<T>(where: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.crash(where, error);
      return undefined;
    }
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

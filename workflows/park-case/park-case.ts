import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  workflowInfo,
} from '@temporalio/workflow';
import { YEARLY_STAGES, type Actor, type CaseSnapshot, type ParkCaseInput, type Payment } from '../definitions/case';
import { chongqingYear } from '../definitions/civil-date';
import type { PolicyClockView } from '../definitions/messages';
import { DEFAULT_POLICY, type PolicyConfig } from '../definitions/policy';
import { isFiling, type AuditEntry, type PaymentInstruction, type RecordedSnapshot } from '../definitions/records';
import type { OfficerUpdate } from '../lifecycle/actions';
import { deadlinesOf } from '../lifecycle/deadlines';
import { newCase } from '../lifecycle/intake';
import { outcome, type Context, type Outcome } from '../lifecycle/outcome';
import { advancePolicyClock, ignoredClockAdvance, policyClockView } from '../lifecycle/policy-clock';
import { fireDue, pruneFired, type DueEvent } from '../lifecycle/schedule';
import { policyDateAt } from '../definitions/policy-time';
import { CaseRecorder } from './recorder';
import { RunCalendar } from './run-calendar';
import { runSchedule, type ScheduledCase } from './schedule-loop';
import { publishVisibility } from './visibility';

const SYSTEM = { id: 'system', role: 'system' } as const;

/** A JSON copy: what a change record or an answer holds is the case at that version, whatever happens next. */
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * One park case (`park-case-<caseId>`) in one run (§5): the entity the workflow's handlers talk to (the shape of
 * Temporal's `safe-message-handlers` sample). It owns the state; applies officer actions (validated Updates,
 * `lifecycle/actions.ts`), the policy clock and timed events (`lifecycle/schedule.ts`); commits each change to its
 * one {@link CaseRecorder}; keeps its calendar ({@link RunCalendar}); and ends the run — at a final stage, or by
 * continuing as new at each reporting-year boundary and whenever Temporal suggests it, carrying the state.
 */
export class ParkCase implements ScheduledCase {
  /** The case as it stands: the `caseSnapshot` query's answer and what the read model mirrors. */
  readonly state: CaseSnapshot;
  /** The case's own policy over the code's defaults (a field added since reaches it: docs/operations.md §6). */
  private readonly policy: PolicyConfig;
  private readonly recorder = new CaseRecorder();
  private readonly calendar = new RunCalendar();

  constructor(private readonly input: ParkCaseInput) {
    this.policy = { ...DEFAULT_POLICY, ...input.policy };
    const openedAtMs = Date.now();
    const openedAt = policyDateAt(openedAtMs, openedAtMs, input.policyTimeScale).toISOString();
    this.state = input.carried ?? newCase(input, openedAtMs, openedAt);
  }

  /** The policy date now: counted from the case's opening, moved on by its policy clock (training stacks). */
  policyNow(): string {
    const { openedAtMs, clockAdvancedDays } = this.state;
    return policyDateAt(openedAtMs, Date.now(), this.input.policyTimeScale, clockAdvancedDays).toISOString();
  }

  /** What the pure lifecycle gets besides the state. */
  context(): Context {
    return { now: this.policyNow(), policy: this.policy, calendar: this.calendar.days };
  }

  /** Workflow-time milliseconds until the policy instant `policyIso` (policy time runs `POLICY_TIME_SCALE` faster). */
  msUntil(policyIso: string): number {
    return Math.max(0, (Date.parse(policyIso) - Date.parse(this.policyNow())) / this.input.policyTimeScale);
  }

  /** R-CAL-3: reads the calendar (in each run's first task), and again when it is stale. */
  async refreshCalendar(): Promise<void> {
    const change = await this.calendar.read(this.state, { now: this.policyNow(), policy: this.policy });
    if (change) this.commit(change, SYSTEM, `${this.state.caseId}:calendar:${this.state.calendar!.version}`);
  }

  /** The `workCalendarChanged` signal: a newer arrangement is out. */
  markCalendarStale(): void {
    this.calendar.markStale();
  }

  /** Whether a newer arrangement was announced since the calendar was last read. */
  calendarStale(): boolean {
    return this.calendar.isStale;
  }

  /**
   * An officer action's validator: refuses it (InvalidStage / InvalidInput) without a trace in the history. An action
   * that arrives in a run's first task, before the run has read its calendar (a filing's Update-with-Start), is
   * validated by its handler once the calendar is in.
   */
  validate(action: OfficerUpdate, request: unknown): void {
    if (this.calendar.ready) action.validate(this.state, request, this.context());
  }

  /**
   * An officer action: applied and answered at once — the Update completes with the workflow task that made the
   * change, once that is durable — and recorded afterwards (the recorder's queue). No await between validation and
   * change, so a concurrent action is validated against the changed state.
   */
  async act(action: OfficerUpdate, request: { actor: Actor }): Promise<unknown> {
    if (!this.calendar.ready) {
      await this.calendarRead();
      action.validate(this.state, request, this.context());
    }
    const change = action.apply(this.state, request, this.context());
    this.commit(change, request.actor, `${workflowInfo().workflowId}:update:${currentUpdateInfo()?.id}`);
    return action.result(copyOf(this.state));
  }

  /**
   * Training and test stacks: the `policyClockAdvanced` signal moves the clock forward; the change (a new version)
   * wakes the schedule loop, which fires what fell due in between and crosses the year boundary as it would have.
   */
  async advanceClock(request: unknown): Promise<void> {
    await this.calendarRead();
    const ignored = ignoredClockAdvance(this.input, this.state, request);
    if (ignored) return log.warn(`policyClockAdvanced ignored: ${ignored}`, { caseId: this.state.caseId });
    const change = advancePolicyClock(this.state, (request as { days: number }).days, this.policyNow());
    this.commit(change, SYSTEM, `${this.state.caseId}:clock:${this.state.clockAdvancedDays}`);
  }

  /** The `policyClock` query's answer. */
  clockView(): PolicyClockView {
    return policyClockView(this.input, this.state, this.policyNow());
  }

  /** Whether every change committed so far is written. */
  recorded(): boolean {
    return this.recorder.written();
  }

  /** Fires one due event of the schedule (a reminder, a notice, a lapse): its change is committed. */
  fire(due: DueEvent): void {
    this.commit(fireDue(this.state, due), SYSTEM, `${this.state.caseId}:${due.series.key}:${due.index}`);
  }

  /**
   * The run: its calendar read, a reporting year's first change (a yearly case carried into a new year), the
   * schedule, and the end — once every change is recorded, every handler finished and every notice delivery done:
   * the case's final state, or continue-as-new with it.
   */
  async run(): Promise<CaseSnapshot> {
    await this.refreshCalendar();
    if (this.input.carried && !this.input.sameReportingYear && YEARLY_STAGES.includes(this.state.stage)) {
      // Recorded, so the deadlines (the new year's report), the read model and the search attributes are current
      // from the year's first day rather than from the case's next change.
      const year = chongqingYear(this.policyNow());
      this.commit(outcome('reporting_year_started', { year }), SYSTEM, `${this.state.caseId}:reporting-year:${year}`);
    }
    const end = await runSchedule(this);
    await condition(() => allHandlersFinished() && this.recorder.idle());
    if (end.kind === 'final') return this.state;
    pruneFired(this.state, this.context());
    const sameReportingYear = end.sameReportingYear || undefined; // absent (JSON) unless set
    return continueAsNew<(input: ParkCaseInput) => Promise<CaseSnapshot>>({
      ...this.input,
      carried: this.state,
      sameReportingYear,
    });
  }

  private calendarRead(): Promise<void> {
    return condition(() => this.calendar.ready);
  }

  /** Commits one change: a new version with its deadlines, mirrored to Temporal, queued for the recorder. */
  private commit(change: Outcome, actor: Actor | typeof SYSTEM, eventId: string): void {
    const state = this.state;
    state.version += 1;
    state.updatedAt = this.policyNow();
    const ctx = this.context();
    state.deadlines = deadlinesOf(state, ctx);
    publishVisibility(state, ctx);
    const at = state.updatedAt;
    const audit: AuditEntry = {
      eventId,
      caseId: state.caseId,
      at,
      actor,
      action: change.action,
      details: change.details,
    };
    const notices = change.notices.map((notice, i) => ({
      ...notice,
      caseId: state.caseId,
      issuedAt: at,
      key: `${eventId}:${i}`,
    }));
    const { application, ...withoutApplication } = copyOf(state);
    const snapshot: RecordedSnapshot = isFiling(change.action)
      ? { ...withoutApplication, application }
      : withoutApplication;
    this.recorder.record({
      change: { snapshot, audit, notices, policyTimeScale: this.input.policyTimeScale },
      instructions: change.instruct.map((payment) => this.instructionFor(payment)),
    });
  }

  private instructionFor({ paymentId, kind, amount, instructedAt }: Payment): PaymentInstruction {
    return { caseId: this.state.caseId, paymentId, kind, amount, district: this.state.district, instructedAt };
  }
}

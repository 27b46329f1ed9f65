import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { Actor, CaseSnapshot, ParkCaseInput, Payment } from './definitions/case';
import {
  caseSnapshotQuery,
  policyClockAdvancedSignal,
  policyClockQuery,
  workCalendarChangedSignal,
} from './definitions/messages';
import type { AuditEntry, CaseChange } from './definitions/records';
import { CASE_STAGE_KEY, NEXT_DEADLINE_KEY, OVERDUE_REPORTS_KEY } from './definitions/search-attributes';
import { describeCase } from './case-details';
import { FINAL_STAGES } from './case-stages';
import { OFFICER_UPDATES } from './lifecycle/actions';
import { deadlinesOf } from './lifecycle/deadlines';
import { newCase } from './lifecycle/intake';
import { outcome, type Context, type Outcome } from './lifecycle/outcome';
import { advancePolicyClock, ignoredClockAdvance, policyClockView } from './lifecycle/policy-clock';
import { overdueReportYears } from './lifecycle/reports';
import { calendarYearsFrom, recalendar } from './lifecycle/recalendar';
import { nextRunStep } from './lifecycle/run-step';
import { calendarFrom } from './lifecycle/working-days';
import { fireDue, nextDueEvent, pruneFired, type DueEvent } from './lifecycle/schedule';
import { chongqingYear, nextYearStart } from './definitions/civil-date';
import { policyDateAt } from './policy-time';
import { DEFAULT_POLICY } from './definitions/policy';
import { NoticeDeliveries } from './notice-deliveries';
import * as patches from './lifecycle/patches';

const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;
const { recordCaseChange, instructPayment } = proxyActivities<ReturnType<typeof createActivities>>(ACTIVITY_OPTIONS);
const { recordCaseChange: recordCaseChangeLocally, loadWorkCalendar } =
  proxyLocalActivities<ReturnType<typeof createActivities>>(ACTIVITY_OPTIONS);
const SYSTEM = { id: 'system', role: 'system' } as const;
/** Stages whose case lives on through reporting years: each year's boundary starts a fresh run. */
const YEARLY_STAGES: ReadonlyArray<CaseSnapshot['stage']> = ['designated', 'rectifying', 'revoked'];

/**
 * One park case (`park-case-<caseId>`) for its whole life (§5): intake and correction, acceptance, expert
 * review, designation, payments, yearly reports, evaluation, revocation and refund. Officer actions are
 * validated Updates (`lifecycle/actions.ts`); reminders and deadlines are timed series computed from the
 * state (`lifecycle/schedule.ts`). Every change is written to PostgreSQL (read model, audit, notices) and
 * mirrored to search attributes. The run continues-as-new at each reporting-year boundary, carrying the state.
 */
export async function parkCaseWorkflow(input: ParkCaseInput): Promise<CaseSnapshot> {
  const openedAtMs = input.carried?.openedAtMs ?? Date.now();
  // Decided once per run, in its first task: a run that began under the old rules replays under them.
  const civil = patched(patches.CIVIL_CALENDAR_RULES);
  const boundaryOnTime = patched(patches.YEAR_BOUNDARY_ON_TIME);
  const holidays = patched(patches.STATUTORY_HOLIDAYS);
  // Policies carried from older runs lack the defaults added since; the rest is the case's own policy.
  const policy = { ...DEFAULT_POLICY, ...input.policy };
  const policyDate = (advancedDays?: number): string =>
    policyDateAt(openedAtMs, Date.now(), input.policyTimeScale, advancedDays).toISOString();
  const state: CaseSnapshot = input.carried ?? newCase(input, openedAtMs, policyDate());
  const policyNow = (): string => policyDate(state.clockAdvancedDays);
  const context = (): Context => ({ now: policyNow(), policy, civil, calendar: state.calendar });
  /** R-CAL-3: the case has its calendar (read once, in its first run; runs before the patch have none). */
  const calendarReady = (): boolean => !holidays || state.calendar !== undefined;
  let calendarChanged = false;
  const deliveries = new NoticeDeliveries();
  /** A run ends only once its update handlers and its notices' deliveries are done. */
  const runMayEnd = (): boolean => allHandlersFinished() && deliveries.idle();

  /** Persists one change (read model, audit entry, notices) and instructs any payment it ordered. */
  async function commit(change: Outcome, actor: Actor | typeof SYSTEM, eventId: string): Promise<void> {
    const now = policyNow();
    state.version += 1;
    state.updatedAt = now;
    state.deadlines = deadlinesOf(state, { ...context(), now });
    publishVisibility(now);
    const audit: AuditEntry = {
      eventId,
      caseId: state.caseId,
      at: now,
      actor,
      action: change.action,
      details: change.details,
    };
    const notices = change.notices.map((notice, i) => ({
      ...notice,
      caseId: state.caseId,
      issuedAt: now,
      key: `${eventId}:${i}`,
    }));
    const record: CaseChange = {
      snapshot: JSON.parse(JSON.stringify(state)) as CaseSnapshot,
      audit,
      notices,
      policyTimeScale: input.policyTimeScale,
    };
    const instruct = (payment: Payment) =>
      instructPayment({
        caseId: state.caseId,
        paymentId: payment.paymentId,
        kind: payment.kind,
        amount: payment.amount,
        district: state.district,
        instructedAt: payment.instructedAt,
      });
    if (patched(patches.RECORD_DURABLY)) {
      // A regular activity is scheduled only once the workflow task that made the change is durable: a task lost
      // with its worker or its server, or re-run after its timeout with another clock, never writes a change the
      // history does not hold (issue 10 drills 1, 3, 5). Before the treasury hand-over, as before: officers see
      // the change even while a slow treasury holds the payment; the instruction stays exactly-once by its key.
      await recordCaseChange(record);
      for (const payment of change.instruct) await instruct(payment);
    } else if (patched(patches.RECORD_LOCALLY_FIRST)) {
      // Runs between the two patches: in the worker (no task round trip), before the treasury hand-over.
      await recordCaseChangeLocally(record);
      for (const payment of change.instruct) await instruct(payment);
    } else {
      // The commands of cases started before the patch, in their order (no await before the record unless a payment is
      // due).
      for (const payment of change.instruct) await instruct(payment);
      await recordCaseChange(record);
    }
    deliveries.start(notices); // emails go out beside the case
  }

  function publishVisibility(now: string): void {
    if (state.stage === 'draft') return;
    const next = state.deadlines[0]?.dueAt;
    upsertSearchAttributes([
      { key: CASE_STAGE_KEY, value: state.stage },
      { key: OVERDUE_REPORTS_KEY, value: overdueReportYears(state, now, context()).length },
      { key: NEXT_DEADLINE_KEY, value: next ? new Date(next) : null }, // null removes it once nothing is due
    ]);
    setCurrentDetails(describeCase(state));
  }

  setHandler(caseSnapshotQuery, () => state);
  for (const officerAction of OFFICER_UPDATES) {
    setHandler(
      officerAction.update,
      async (request: { actor: Actor }) => {
        // The state changes before the first await, so a concurrent action is validated against it.
        const change = officerAction.apply(state, request, context());
        // A case's first action can arrive before its calendar: its deadlines are recorded once the calendar is in.
        if (!calendarReady()) await condition(calendarReady);
        await commit(change, request.actor, `${workflowInfo().workflowId}:update:${currentUpdateInfo()?.id}`);
        return officerAction.result(state);
      },
      { validator: (request: unknown) => officerAction.validate(state, request, context()) },
    );
  }

  setHandler(workCalendarChangedSignal, () => {
    calendarChanged = holidays;
  });

  // Training and test stacks: the clock moves forward; the change (a new version) wakes the loop, which then fires
  // what fell due in between and crosses the reporting-year boundary as it would have.
  setHandler(policyClockAdvancedSignal, async (request) => {
    const ignored = ignoredClockAdvance(input, state, request);
    if (ignored) return log.warn(`policyClockAdvanced ignored: ${ignored}`, { caseId: state.caseId });
    const change = advancePolicyClock(state, request.days, policyNow());
    if (!calendarReady()) await condition(calendarReady);
    await commit(change, SYSTEM, `${state.caseId}:clock:${state.clockAdvancedDays}`);
  });
  setHandler(policyClockQuery, () => policyClockView(input, state, policyNow()));

  // R-CAL-3: the calendar the case follows, read by a (local) activity so that its answer is in the history.
  if (holidays && !state.calendar)
    state.calendar = { ...(await loadWorkCalendar({ fromYear: chongqingYear(policyNow()) - 1 })), floors: {} };

  /** R-CAL-3: a newer arrangement: pending deadlines recomputed (never earlier than announced), and recorded. */
  async function refreshCalendar(): Promise<void> {
    calendarChanged = false;
    const current = state.calendar;
    if (!current) return;
    const ctx = { ...context(), calendar: current };
    // From the first year the case still needs: a pending deadline of an earlier year keeps its holidays.
    const loaded = await loadWorkCalendar({ fromYear: calendarYearsFrom(state, ctx) });
    if (loaded.version === current.version) return;
    const { calendar, moved } = recalendar(state, ctx, loaded);
    state.calendar = calendar;
    const details = { calendarVersion: { from: current.version, to: loaded.version }, moved };
    await commit(outcome('deadlines_recomputed', details), SYSTEM, `${state.caseId}:calendar:${loaded.version}`);
  }

  async function fire(due: DueEvent): Promise<void> {
    await commit(fireDue(state, due), SYSTEM, `${state.caseId}:${due.series.key}:${due.index}`);
  }

  if (civil && input.carried && YEARLY_STAGES.includes(state.stage)) {
    // A reporting year begins: recorded, so the deadlines (the new year's report), the read model and the search
    // attributes are current from its first day rather than from the case's next change.
    const year = chongqingYear(policyNow());
    await commit(outcome('reporting_year_started', { year }), SYSTEM, `${state.caseId}:reporting-year:${year}`);
  }

  /** The reporting-year boundary that ends this run, fixed when the run first reaches a yearly stage. */
  let runYearEnd: string | undefined;
  let firedPastYearEnd = 0;
  const msUntil = (policyIso: string): number =>
    Math.max(0, (Date.parse(policyIso) - Date.parse(policyNow())) / input.policyTimeScale);

  while (!FINAL_STAGES.includes(state.stage)) {
    if (calendarChanged) {
      await refreshCalendar();
      continue;
    }
    const now = policyNow();
    const due = nextDueEvent(state, { ...context(), now });
    // The year of the change that made (or found) the case yearly, not of the loop's first look: under load (or
    // compressed time) that look can come after a boundary the run must end at.
    if (YEARLY_STAGES.includes(state.stage)) runYearEnd ??= nextYearStart(boundaryOnTime ? state.updatedAt : now);
    const yearEnd = YEARLY_STAGES.includes(state.stage) ? runYearEnd : undefined;
    const step = nextRunStep({ due, now, yearEnd, firedPastYearEnd, boundedBacklog: boundaryOnTime });
    if (step.kind === 'fire') {
      if (yearEnd && yearEnd <= now) firedPastYearEnd += 1;
      await fire(step.due);
      continue;
    }
    if (step.kind === 'continue-as-new') {
      await condition(runMayEnd);
      pruneFired(state, { ...context(), now });
      if (state.calendar)
        state.calendar = calendarFrom(state.calendar, calendarYearsFrom(state, { ...context(), now }));
      await continueAsNew<typeof parkCaseWorkflow>({ ...input, carried: state });
    }
    const seen = state.version;
    if (step.kind === 'wait' && step.until) {
      const summary = due?.at === step.until ? `${due.series.key} #${due.index + 1}` : 'reporting-year boundary';
      // At least 1 ms: condition() treats a 0 timeout as "no timeout".
      await condition(() => state.version !== seen || calendarChanged, Math.max(1, msUntil(step.until)), { summary });
    } else {
      await condition(() => state.version !== seen || calendarChanged);
    }
  }
  await condition(runMayEnd);
  return state;
}

import { temporal } from '@temporalio/proto';
import type { ApiMarks } from './probe';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const eventMs = (event: HistoryEvent): number =>
  Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;

interface TaskTimes {
  scheduled: number;
  started: number;
  completed: number;
}

/** What the case's history says of one update: its workflow tasks and the activities it waited for, in order. */
export interface UpdateTrace {
  /** The workflow tasks from the one that accepted the update to the one that completed it. */
  workflowTasks: TaskTimes[];
  /** The `recordCaseChange` / `instructPayment` activities the update waited for (none once it answers first). */
  activities: (TaskTimes & { name: string })[];
}

/** The update's workflow tasks and activities, from the case's history (server timestamps). */
export function traceUpdate(events: HistoryEvent[], updateId: string): UpdateTrace {
  const byId = new Map(events.map((e) => [Number(e.eventId), e]));
  const accepted = events.findIndex(
    (e) =>
      e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED &&
      e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === updateId,
  );
  const completed = events.findIndex(
    (e) =>
      e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED &&
      e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === updateId,
  );
  if (accepted < 0 || completed < 0) throw new Error(`update ${updateId} is not accepted and completed in the history`);
  const taskOf = (completedEvent: HistoryEvent): TaskTimes => {
    const attributes = completedEvent.workflowTaskCompletedEventAttributes;
    const scheduled = byId.get(Number(attributes?.scheduledEventId));
    const started = byId.get(Number(attributes?.startedEventId));
    if (!scheduled || !started) throw new Error('a workflow task without its scheduled/started events');
    return { scheduled: eventMs(scheduled), started: eventMs(started), completed: eventMs(completedEvent) };
  };
  const lastTaskBefore = (index: number): HistoryEvent => {
    for (let i = index; i >= 0; i -= 1)
      if (events[i].eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) return events[i];
    throw new Error('no workflow task before the update');
  };
  const workflowTasks = [taskOf(lastTaskBefore(accepted))];
  const activities: UpdateTrace['activities'] = [];
  for (let i = accepted + 1; i <= completed; i += 1) {
    const event = events[i];
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) workflowTasks.push(taskOf(event));
    const name = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (name === 'recordCaseChange' || name === 'instructPayment') {
      const id = Number(event.eventId);
      const started = events.find((e) => Number(e.activityTaskStartedEventAttributes?.scheduledEventId) === id);
      const doneAt = events.findIndex((e) => Number(e.activityTaskCompletedEventAttributes?.scheduledEventId) === id);
      const done = events[doneAt];
      // Scheduled by the task that completes the update: it records the change after the answer, outside the wait.
      if (!started || !done || doneAt > completed) continue;
      activities.push({ name, scheduled: eventMs(event), started: eventMs(started), completed: eventMs(done) });
    }
  }
  return { workflowTasks, activities };
}

export const API_IN = 'API in: HTTP, JWT, DTO, scope read, worker check';
export const PRESENCE = 'in API in: describeTaskQueue (worker check)';

/** One sample's consecutive segments (ms), named; their sum is the client's wait. */
export type Segments = [label: string, ms: number][];

/** Cuts one action into consecutive segments (see the rows printed). */
export function segmentsOf(t0: number, t1: number, marks: ApiMarks, trace: UpdateTrace): Segments {
  const { updateSent } = marks;
  // An update completed within the accepting task comes back with the update call itself: nothing is polled.
  const resultAt = marks.pollDone ?? marks.updateDone;
  if (updateSent === undefined || resultAt === undefined)
    throw new Error(`the API's Temporal calls were not all seen: ${JSON.stringify(marks)}`);
  const [first, ...rest] = trace.workflowTasks;
  const segments: Segments = [
    // The worker-presence check is inside: after the scope read, or beside it (api/actions/case-actions.service.ts).
    [API_IN, updateSent - t0],
    ['update sent → workflow task started', first.started - updateSent],
    ['workflow task: validator + handler (accepts)', first.completed - first.started],
  ];
  let previous = first.completed;
  trace.activities.forEach((activity, i) => {
    const task = rest[i];
    if (!task) throw new Error(`no workflow task after activity ${activity.name}`);
    segments.push(
      [`${activity.name}: dispatch (scheduled → started)`, activity.started - previous],
      [`${activity.name}: execution`, activity.completed - activity.started],
      [`workflow task after ${activity.name}: dispatch`, task.started - activity.completed],
      [`workflow task after ${activity.name}: run`, task.completed - task.started],
    );
    previous = task.completed;
  });
  if (rest.length !== trace.activities.length)
    throw new Error(`${rest.length} workflow tasks after the accepting one for ${trace.activities.length} activities`);
  segments.push(
    ['update completed → API has the result', resultAt - previous],
    ['API out: read model written, view, response', t1 - resultAt],
  );
  return segments;
}

import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities';

type Activities = ReturnType<typeof createActivities>;

// No attempt limit: a failure holds the case's change until its cause is fixed (docs/operations.md §5).
const OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

/**
 * The recorder's activities: regular ones, scheduled only once the workflow task that made the change is durable —
 * a task lost with its worker or server, or re-run after its timeout, never writes a change the history does not
 * hold (issue 10 drills 1, 3, 5).
 */
export const { recordCaseChange, instructPayment } = proxyActivities<Activities>(OPTIONS);

/** R-CAL-3: the calendar read in the worker, inside the run's first task; its answer is recorded in the history. */
export const { loadWorkCalendar } = proxyLocalActivities<Activities>(OPTIONS);

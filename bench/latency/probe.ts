import type { Client } from '@temporalio/client';
import { performance } from 'node:perf_hooks';

/**
 * Wall-clock milliseconds with sub-millisecond resolution: `performance.now()` anchored on the instant `Date.now()`
 * ticks, re-anchored before each sample so that it stays comparable with the server's event times.
 */
export class WallClock {
  private offset = Date.now() - performance.now();

  anchor(): void {
    const start = Date.now();
    let now = start;
    while (now === start) now = Date.now();
    this.offset = now - performance.now();
  }

  now(): number {
    return this.offset + performance.now();
  }
}

/** When the API's Temporal client sent and got answered each call of the current sample (first sent, last answered). */
export interface ApiMarks {
  presenceSent?: number;
  presenceDone?: number;
  updateSent?: number;
  updateDone?: number;
  pollSent?: number;
  pollDone?: number;
  updateId?: string;
}

/**
 * Wraps the API's own Temporal client calls to time them (the API runs in the bench's process): the worker-presence
 * check (`describeTaskQueue`), the update (`updateWorkflowExecution`) and the wait for its result
 * (`pollWorkflowExecutionUpdate`).
 */
export function probeApiClient(client: Client, clock: WallClock): { marks: ApiMarks; reset(): void } {
  const probe = { marks: {} as ApiMarks, reset: () => (probe.marks = {}) };
  const service = client.workflowService as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const wrap = (method: string, name: 'presence' | 'update' | 'poll'): void => {
    const original = service[method];
    service[method] = async (...args: unknown[]) => {
      const marks = probe.marks;
      marks[`${name}Sent`] ??= clock.now();
      if (name === 'update')
        marks.updateId ??= (args[0] as { request?: { meta?: { updateId?: string } } }).request?.meta?.updateId;
      try {
        return await original(...args);
      } finally {
        marks[`${name}Done`] = clock.now();
      }
    };
  };
  wrap('describeTaskQueue', 'presence');
  wrap('updateWorkflowExecution', 'update');
  wrap('pollWorkflowExecutionUpdate', 'poll');
  return probe;
}

/** Runs `action` between two readings of a freshly anchored clock. */
export async function timed(
  clock: WallClock,
  action: () => Promise<unknown>,
): Promise<{ ms: number; t0: number; t1: number }> {
  clock.anchor();
  const t0 = clock.now();
  await action();
  const t1 = clock.now();
  return { ms: t1 - t0, t0, t1 };
}

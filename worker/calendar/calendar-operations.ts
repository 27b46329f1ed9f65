import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { DataSource } from 'typeorm';
import {
  arrangementDigest,
  installedArrangements,
  INSTALLED_DATA,
  validateArrangement,
  workCalendarOf,
} from '../../persistence/reference/holiday-arrangements';
import { HolidayArrangementsRepository } from '../../persistence/repositories/holiday-arrangements.repository';
import { PARK_CASE_WORKFLOW_TYPE, WORK_CALENDAR_CHANGED } from '../../workflows/definitions/messages';

const BatchState = temporal.api.enums.v1.BatchOperationState;

/** Which years the calendar knows (R-CAL-3): the installed data's, the imported ones, and the version cases record. */
export async function calendarCoverage(dataSource: DataSource): Promise<{
  installed: { data: string; years: number[] };
  imported: Array<{ year: number; source: string; digest: string }>;
  version: string;
}> {
  const imported = await new HolidayArrangementsRepository(dataSource).list();
  return {
    installed: { data: INSTALLED_DATA, years: installedArrangements().map((a) => a.year) },
    imported: imported.map((a) => ({ year: a.year, source: a.source, digest: arrangementDigest(a) })),
    version: workCalendarOf(imported, new Date().getUTCFullYear() - 1).version,
  };
}

/**
 * Stores an operator's arrangement for a year (replacing the installed data's year, and any earlier import of it);
 * refuses a bad file with every problem, naming the field. Returns the year and its digest.
 */
export async function importArrangement(
  dataSource: DataSource,
  input: unknown,
): Promise<{ year: number; digest: string }> {
  const { arrangement, problems } = validateArrangement(input);
  if (!arrangement) throw new Error(`the arrangement is refused (R-CAL-3):\n- ${problems.join('\n- ')}`);
  const digest = arrangementDigest(arrangement);
  await new HolidayArrangementsRepository(dataSource).save(arrangement, digest);
  return { year: arrangement.year, digest };
}

/** The open cases: every running park-case workflow. */
export const OPEN_CASES_QUERY = `WorkflowType = '${PARK_CASE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`;

/**
 * R-CAL-3: signals every open case that the calendar changed (a Temporal batch operation on {@link OPEN_CASES_QUERY}),
 * and waits, bounded, until the batch has run. Each case then reads the calendar again and records what moved.
 */
export async function refreshOpenCases(
  client: Client,
  { waitMs = 120_000, reason = 'R-CAL-3: a new holiday arrangement' } = {},
): Promise<{ jobId: string; signalled: number; failed: number }> {
  const jobId = `calendar-refresh-${randomUUID()}`;
  const namespace = client.options.namespace;
  await client.workflowService.startBatchOperation({
    namespace,
    jobId,
    reason,
    visibilityQuery: OPEN_CASES_QUERY,
    signalOperation: { signal: WORK_CALENDAR_CHANGED, identity: 'parkflow calendar' },
  });
  const until = Date.now() + waitMs;
  for (;;) {
    const batch = await client.workflowService.describeBatchOperation({ namespace, jobId });
    if (batch.state === BatchState.BATCH_OPERATION_STATE_FAILED) throw new Error(`batch ${jobId} failed`);
    if (batch.state === BatchState.BATCH_OPERATION_STATE_COMPLETED)
      return {
        jobId,
        signalled: Number(batch.completeOperationCount ?? 0),
        failed: Number(batch.failureOperationCount ?? 0),
      };
    if (Date.now() > until) throw new Error(`batch ${jobId} still running after ${waitMs} ms: see the Temporal UI`);
    await sleep(250);
  }
}

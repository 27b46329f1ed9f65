import { WorkflowNotFoundError, type Client, type WorkflowExecutionInfo } from '@temporalio/client';
import { fromPayloadsAtIndex } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { deadlineRows } from '../activities/case-records.activities';
import { CaseDeadlinesRepository } from '../persistence/repositories/case-deadlines.repository';
import { parkCaseColumns, ParkCasesRepository } from '../persistence/repositories/park-cases.repository';
import type { CaseSnapshot, ParkCaseInput } from '../workflows/definitions/case';
import { caseSnapshotQuery, PARK_CASE_WORKFLOW_TYPE, parkCaseWorkflowId } from '../workflows/definitions/messages';
import { differingFields } from './reconcile-diff';

/** What `npm run reconcile` found and did. */
export interface ReconcileReport {
  /** Running case workflows whose snapshot was compared with the read model. */
  checked: Array<Pick<CaseSnapshot, 'caseId' | 'district' | 'parkName' | 'stage' | 'updatedAt'>>;
  /** Cases whose read model was rewritten from the workflow, with what differed. */
  changed: Array<{ caseId: string; fields: string[] }>;
  /** Cases a worker recorded a change of while they were compared: left as the worker wrote them. */
  raced: string[];
  /** Running workflows that could not be compared (the query failed), with why. */
  failed: Array<{ workflowId: string; reason: string }>;
  /** Rows of the read model at a stage that is not final whose case has no running workflow. */
  withoutWorkflow: Array<{ caseId: string; stage: string; updatedAt: Date; workflow: string }>;
}

/** How many running cases are listed and compared at a time, and how many of those at once. */
export const RECONCILE_BATCH = 100;
const CONCURRENT_QUERIES = 8;
/** A query waits for a worker to answer it: bounded, so that a stack without workers fails rather than hangs. */
const QUERY_DEADLINE_MS = 30_000;

/** The case a workflow id names (`park-case-<caseId>`, {@link parkCaseWorkflowId}). */
const caseIdOf = (workflowId: string): string => workflowId.replace(/^park-case-/, '');

/** The input the run was started with (the first event of its history): the case's POLICY_TIME_SCALE is there. */
async function runInput(client: Client, execution: WorkflowExecutionInfo): Promise<ParkCaseInput> {
  const { history } = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: { workflowId: execution.workflowId, runId: execution.runId },
    maximumPageSize: 1,
  });
  const payloads = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads;
  return fromPayloadsAtIndex<ParkCaseInput>(client.options.loadedDataConverter.payloadConverter, 0, payloads);
}

/**
 * Compares one running case with the read model and rewrites its row and deadlines from the workflow when they
 * differ. The row is read before the workflow is queried and rewritten only if it is still as read: a change a worker
 * records meanwhile is at least as new as the query's answer, and stays.
 */
async function reconcileCase(
  client: Client,
  dataSource: DataSource,
  execution: WorkflowExecutionInfo,
  report: ReconcileReport,
): Promise<void> {
  const caseId = caseIdOf(execution.workflowId);
  const stored = await new ParkCasesRepository(dataSource).row(caseId);
  const storedDeadlines = await new CaseDeadlinesRepository(dataSource).forCase(caseId);
  const handle = client.workflow.getHandle(execution.workflowId, execution.runId);
  const snapshot = await client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(caseSnapshotQuery));
  if (snapshot.stage === 'draft') return; // never filed: the read model has no row for it
  const deadlines = deadlineRows(snapshot, (await runInput(client, execution)).policyTimeScale ?? 1);
  const fields = differingFields(parkCaseColumns(snapshot), stored, deadlines, storedDeadlines);
  const { district, parkName, stage, updatedAt } = snapshot;
  report.checked.push({ caseId, district, parkName, stage, updatedAt });
  if (fields.length === 0) return;
  const written = await dataSource.transaction(async (tx) => {
    if (!(await new ParkCasesRepository(tx).replace(snapshot, stored?.version ?? null))) return false;
    await new CaseDeadlinesRepository(tx).replaceForCase(snapshot.caseId, deadlines);
    return true;
  });
  if (written) report.changed.push({ caseId, fields });
  else report.raced.push(caseId);
}

/** Runs `work` on every item, at most `concurrency` at a time. */
async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** Unfinished rows of the read model with no running workflow (one started meanwhile is running: not listed). */
async function rowsWithoutWorkflow(
  client: Client,
  dataSource: DataSource,
  checked: Set<string>,
): Promise<ReconcileReport['withoutWorkflow']> {
  const orphans: ReconcileReport['withoutWorkflow'] = [];
  for (const row of await new ParkCasesRepository(dataSource).unfinished()) {
    if (checked.has(row.caseId)) continue;
    const workflow = await client.workflow
      .getHandle(parkCaseWorkflowId(row.caseId))
      .describe()
      .then(
        (description) => description.status.name,
        (error: unknown) => {
          if (error instanceof WorkflowNotFoundError) return 'not found';
          throw error;
        },
      );
    if (workflow !== 'RUNNING') orphans.push({ ...row, workflow });
  }
  return orphans;
}

/**
 * `npm run reconcile`: rebuilds the read model from the cases' own state. Lists the running case workflows
 * (visibility) in batches of {@link RECONCILE_BATCH}, queries each case's snapshot, compares it with its `park_cases`
 * row and `case_deadlines`, and rewrites those that differ with the record activity's own upsert — the workflow wins,
 * whichever version is newer. Then lists the unfinished rows no running workflow stands behind. A second run changes
 * nothing.
 */
export async function reconcileReadModel(client: Client, dataSource: DataSource): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: [], changed: [], raced: [], failed: [], withoutWorkflow: [] };
  const seen = new Set<string>();
  const compare = (batch: WorkflowExecutionInfo[]): Promise<void> =>
    inPool(batch, CONCURRENT_QUERIES, async (execution) => {
      seen.add(caseIdOf(execution.workflowId));
      await reconcileCase(client, dataSource, execution, report).catch((error: unknown) => {
        report.failed.push({ workflowId: execution.workflowId, reason: (error as Error).message });
      });
    });
  const query = `WorkflowType = '${PARK_CASE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`;
  let batch: WorkflowExecutionInfo[] = [];
  for await (const execution of client.workflow.list({ query, pageSize: RECONCILE_BATCH })) {
    batch.push(execution);
    if (batch.length === RECONCILE_BATCH) {
      await compare(batch);
      batch = [];
    }
  }
  await compare(batch);
  report.withoutWorkflow = await rowsWithoutWorkflow(client, dataSource, seen);
  return report;
}

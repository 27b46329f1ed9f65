import type { Client } from '@temporalio/client';
import { PARK_CASE_WORKFLOW_TYPE } from '../../workflows/definitions/messages';

/** Runs and workflow tasks of a sample of parks, read from their histories. */
export interface HistoryFigures {
  parks: number;
  runs: number;
  eventsPerRun: number[];
  workflowTasks: number;
  workflowTaskFailures: number;
  workflowTaskTimeouts: number;
}

/**
 * Reads every run of `caseIds`' workflows (visibility lists the runs, each history is fetched): events per run,
 * workflow tasks completed, failed and timed out.
 */
export async function historyFigures(client: Client, workflowIds: string[]): Promise<HistoryFigures> {
  const figures: HistoryFigures = {
    parks: workflowIds.length,
    runs: 0,
    eventsPerRun: [],
    workflowTasks: 0,
    workflowTaskFailures: 0,
    workflowTaskTimeouts: 0,
  };
  for (const workflowId of workflowIds) {
    const query = `WorkflowType = '${PARK_CASE_WORKFLOW_TYPE}' AND WorkflowId = '${workflowId}'`;
    for await (const run of client.workflow.list({ query })) {
      const history = await client.workflow.getHandle(workflowId, run.runId).fetchHistory();
      const events = history.events ?? [];
      figures.runs += 1;
      figures.eventsPerRun.push(events.length);
      for (const event of events) {
        if (event.workflowTaskCompletedEventAttributes) figures.workflowTasks += 1;
        if (event.workflowTaskFailedEventAttributes) figures.workflowTaskFailures += 1;
        if (event.workflowTaskTimedOutEventAttributes) figures.workflowTaskTimeouts += 1;
      }
    }
  }
  return figures;
}

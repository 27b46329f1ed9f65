import 'reflect-metadata';
import { PickType } from '@nestjs/swagger';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { parseArgs } from 'node:util';
import { loadConfig, ServiceSettings, TEMPORAL_CONNECTION_VARIABLES } from '../config/parkflow-config';
import { withTemporalClient } from '../config/temporal-access';
import {
  parkCaseWorkflowId,
  policyClockAdvancedSignal,
  policyClockQuery,
  type PolicyClockView,
} from '../workflows/definitions/messages';
import { clockAdvanceProblem } from '../workflows/lifecycle/policy-clock';

const USAGE = `npm run policy-clock -- --case <caseId> --days <n>
  moves the policy clock of a case started with POLICY_CLOCK_ADJUSTABLE=true forward by n policy days (1 to 3660):
  the reminders, deadlines and reporting-year boundary in between happen now (training and test stacks only)`;

/** The Temporal frontend, namespace and access, parsed and refused as the API and the worker parse them. */
class PolicyClockSettings extends PickType(ServiceSettings, TEMPORAL_CONNECTION_VARIABLES) {}

/** How long the command waits for the case to apply its signal: a worker takes it within a task or two. */
const APPLY_WAIT_MS = 15_000;

/** A refusal the operator can act on (unknown case, ended case, bad arguments): its message, exit status 2. */
class Refused extends Error {}

/** `--case` and `--days`, each checked; a refusal names the option and the rule. */
function parsedArguments(args: string[]): { caseId: string; days: number } {
  let values: { case?: string; days?: string };
  try {
    ({ values } = parseArgs({ args, options: { case: { type: 'string' }, days: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new Refused(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.case) throw new Refused(`--case <caseId> is required\n${USAGE}`);
  if (values.days === undefined) throw new Refused(`--days <n> is required\n${USAGE}`);
  // Digits only: '1e3', '0x10' or ' 7' are not how anyone writes a number of days.
  const days = /^\d+$/.test(values.days) ? Number(values.days) : values.days;
  const problem = clockAdvanceProblem(days);
  if (problem) throw new Refused(`--${problem}`);
  return { caseId: values.case, days: Number(days) };
}

/** The clock of a case that is running and can be moved; a refusal otherwise. */
async function adjustableClock(handle: WorkflowHandle, caseId: string, namespace: string): Promise<PolicyClockView> {
  const description = await handle.describe().catch((error: unknown) => {
    if (error instanceof WorkflowNotFoundError)
      throw new Refused(`no case ${caseId}: workflow ${handle.workflowId} not found in namespace ${namespace}`);
    throw error;
  });
  if (description.status.name !== 'RUNNING')
    throw new Refused(`case ${caseId} has ended (workflow ${description.status.name}): its policy clock cannot move`);
  const clock = await handle.query(policyClockQuery);
  if (!clock.adjustable)
    throw new Refused(
      `case ${caseId} was not started with POLICY_CLOCK_ADJUSTABLE=true: its policy clock stays at ${clock.policyNow}`,
    );
  return clock;
}

/** Polls the case's clock until it is `advancedDays` ahead in all, for at most {@link APPLY_WAIT_MS}. */
async function appliedClock(handle: WorkflowHandle, advancedDays: number): Promise<PolicyClockView> {
  const deadline = Date.now() + APPLY_WAIT_MS;
  for (;;) {
    const clock = await handle.query(policyClockQuery);
    if (clock.advancedDays >= advancedDays) return clock;
    if (Date.now() > deadline)
      throw new Error(`the signal was sent, but the case has not moved its clock after ${APPLY_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `npm run policy-clock`: moves one case's policy clock forward (issue 21: training and browser tests). */
async function main(): Promise<void> {
  const { caseId, days } = parsedArguments(process.argv.slice(2));
  const config = loadConfig({ process: 'policy-clock', settings: PolicyClockSettings }, process.env);
  await withTemporalClient(config, async (client) => {
    const handle = client.workflow.getHandle(parkCaseWorkflowId(caseId));
    const before = await adjustableClock(handle, caseId, config.TEMPORAL_NAMESPACE);
    await handle.signal(policyClockAdvancedSignal, { days });
    const after = await appliedClock(handle, before.advancedDays + days);
    console.log(
      `case ${caseId}: policy clock moved ${days} day(s) forward, from ${before.policyNow} to ${after.policyNow} ` +
        `(${after.advancedDays} day(s) ahead in all)`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof Refused ? 2 : 1);
});

import type { CaseSnapshot } from './definitions/case';

/** Markdown shown as the workflow's current details in the Temporal UI, so ops read the case at a glance. */
export function describeCase(state: CaseSnapshot): string {
  const lines = [
    `**${state.parkName}** — district ${state.district}`,
    `Stage: **${state.stage}** (filing #${state.submissionCount})`,
  ];
  for (const deadline of state.deadlines) lines.push(`Next deadline: ${deadline.kind} due ${deadline.dueAt}`);
  for (const deficiency of state.deficiencies) lines.push(`- ${deficiency.rule}: ${deficiency.message}`);
  return lines.join('\n');
}

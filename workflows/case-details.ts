import type { Deficiency } from './definitions/application';
import type { CaseSnapshot } from './definitions/case';

/**
 * A deficiency for ops: its rule, field and catalogue code with its parameters (the workflow holds no sentences;
 * snapshots from before the catalogues hold their English sentence).
 */
const deficiencyLine = ({ rule, field, code, params, message }: Deficiency): string => {
  const where = field ? ` (${field})` : '';
  const what = code ? `${code}${params ? ` ${JSON.stringify(params)}` : ''}` : message;
  return `- ${rule}${where}: ${what}`;
};

/** Markdown shown as the workflow's current details in the Temporal UI, so ops read the case at a glance. */
export function describeCase(state: CaseSnapshot): string {
  const lines = [
    `**${state.parkName}** — district ${state.district}`,
    `Stage: **${state.stage}** (filing #${state.submissionCount})`,
  ];
  for (const deadline of state.deadlines) lines.push(`Next deadline: ${deadline.kind} due ${deadline.dueAt}`);
  for (const deficiency of state.deficiencies) lines.push(deficiencyLine(deficiency));
  return lines.join('\n');
}

import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type { Deficiency } from '../definitions/application';
import type { CaseSnapshot } from '../definitions/case';
import { CASE_STAGE_KEY, NEXT_DEADLINE_KEY, OVERDUE_REPORTS_KEY } from '../definitions/search-attributes';
import type { Context } from '../lifecycle/outcome';
import { overdueReportYears } from '../lifecycle/reports';

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

/**
 * Mirrors the case where ops find and read it in Temporal (docs/operations.md §2): its search attributes (stage,
 * overdue reports, next deadline) and its current details. A draft (no filing yet) shows nothing.
 */
export function publishVisibility(state: CaseSnapshot, ctx: Context): void {
  if (state.stage === 'draft') return;
  const next = state.deadlines[0]?.dueAt;
  upsertSearchAttributes([
    { key: CASE_STAGE_KEY, value: state.stage },
    { key: OVERDUE_REPORTS_KEY, value: overdueReportYears(state, ctx.now, ctx).length },
    { key: NEXT_DEADLINE_KEY, value: next ? new Date(next) : null }, // null removes it once nothing is due
  ]);
  setCurrentDetails(describeCase(state));
}

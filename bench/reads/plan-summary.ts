/**
 * One line per plan for the bench's tables: how each table is reached, what is sorted, and what it cost; with the
 * findings that matter at scale (a sequential scan of a big table, a sort of many rows).
 */
import { planNodes, type PlanNode, type QueryPlan } from '../../tooling/repositories/query-plans.repository';

/** The tables that grow with the number of cases and notices. */
export const BIG_TABLES: ReadonlySet<string> = new Set([
  'park_cases',
  'case_deadlines',
  'notifications',
  'notice_deliveries',
]);

/** Sorting more rows than this to answer one page is a finding. */
const SORT_FINDING_ROWS = 1_000;

export interface PlanSummary {
  /** `Index Scan park_cases_opened_idx · Sort top-N of 1,234 rows …` */
  access: string;
  /** Sequential scans of big tables and big sorts; empty when none. */
  findings: string[];
  executionMs: number;
  /** Shared buffers hit or read. */
  buffers: number;
}

const rowsOut = (node: PlanNode): number => (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** How `node` reaches its rows, or undefined for a node that reads nothing itself. */
function accessOf(node: PlanNode): string | undefined {
  const type = node['Node Type'];
  const loops = (node['Actual Loops'] ?? 1) > 1 ? ` ×${count(node['Actual Loops'] ?? 1)}` : '';
  if (type === 'Seq Scan') return `Seq Scan ${node['Relation Name']} (${count(rowsOut(node))} rows out)${loops}`;
  if (type === 'Index Scan' || type === 'Index Only Scan') return `${type} ${node['Index Name']}${loops}`;
  if (type === 'Bitmap Index Scan') return `Bitmap ${node['Index Name']}${loops}`;
  if (type === 'Sort' || type === 'Incremental Sort') {
    const input = node.Plans?.[0] ? rowsOut(node.Plans[0]) : 0;
    return `${type} ${node['Sort Method'] ?? ''} of ${count(input)} rows`.replace(/\s+/g, ' ');
  }
  return undefined;
}

export function summarisePlan(plan: QueryPlan): PlanSummary {
  const nodes = planNodes(plan.Plan);
  const findings: string[] = [];
  for (const node of nodes) {
    if (node['Node Type'] === 'Seq Scan' && BIG_TABLES.has(node['Relation Name'] ?? '')) {
      findings.push(`seq scan of ${node['Relation Name']}`);
    }
    if (node['Node Type'] === 'Sort' && node.Plans?.[0] && rowsOut(node.Plans[0]) > SORT_FINDING_ROWS) {
      findings.push(`sort of ${count(rowsOut(node.Plans[0]))} rows`);
    }
  }
  return {
    access: nodes
      .map(accessOf)
      .filter((access): access is string => access !== undefined)
      .join(' · '),
    findings,
    executionMs: plan['Execution Time'] ?? 0,
    buffers: nodes.reduce(
      (sum, node) => Math.max(sum, (node['Shared Hit Blocks'] ?? 0) + (node['Shared Read Blocks'] ?? 0)),
      0,
    ),
  };
}

import type { Database } from '../../persistence/repositories/database';

/** One node of a PostgreSQL plan as `EXPLAIN (FORMAT JSON)` gives it (the fields the benches and tests read). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Alias?: string;
  'Sort Method'?: string;
  'Sort Key'?: string[];
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Plan Rows': number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

/** A whole plan: its root node, and with ANALYZE the planning and execution times in ms. */
export interface QueryPlan {
  Plan: PlanNode;
  'Planning Time'?: number;
  'Execution Time'?: number;
}

/**
 * The planner's view of statements the repositories build (captured from the API, or built again with the same
 * parameters): `EXPLAIN` for the reads bench (`bench/reads.ts`) and the tests that hold list queries to their
 * indexes. With `analyze` the statement runs, so only ever explain reads.
 */
export class QueryPlansRepository {
  constructor(private readonly db: Database) {}

  /** `EXPLAIN (ANALYZE, BUFFERS)` of `sql` as text, one line per element. */
  async analyseText(sql: string, parameters: readonly unknown[] = []): Promise<string[]> {
    assertRead(sql);
    const rows: Array<{ 'QUERY PLAN': string }> = await this.db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [
      ...parameters,
    ]);
    return rows.map((row) => row['QUERY PLAN']);
  }

  /** The plan of `sql` as JSON: with `analyze`, run (ANALYZE, BUFFERS); else the planner's estimate only. */
  async plan(sql: string, parameters: readonly unknown[] = [], options: { analyze: boolean }): Promise<QueryPlan> {
    assertRead(sql);
    const explain = options.analyze ? 'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)' : 'EXPLAIN (FORMAT JSON)';
    const [row]: Array<{ 'QUERY PLAN': QueryPlan[] }> = await this.db.query(`${explain} ${sql}`, [...parameters]);
    return row['QUERY PLAN'][0];
  }
}

/** EXPLAIN ANALYZE runs the statement: refuse anything but a read. */
function assertRead(sql: string): void {
  if (!/^\s*(?:SELECT|WITH|TABLE|VALUES)\b/i.test(sql) || /\b(?:INSERT|UPDATE|DELETE|MERGE)\b/i.test(sql))
    throw new Error(`only a read is explained, not: ${sql.slice(0, 80)}`);
}

/** Every node of `plan`, depth first (init plans and subplans included). */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

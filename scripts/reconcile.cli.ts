import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig, ServiceSettings } from '../config/parkflow-config';
import { withTemporalClient } from '../config/temporal-access';
import { createDataSource } from '../persistence/data-source';
import { casesAsOf, readManifest } from './backup-manifest';
import { reconcileReadModel, type ReconcileReport } from './reconcile';

const USAGE = `npm run reconcile -- [--restored-from <backup dir>]
  compares every running case's state (its workflow) with the read model, rewrites the rows that differ, and lists
  read-model rows without a running workflow; --restored-from also lists the running cases, by district, as restored
  to their state at that backup's time (for the officers: what they did on them after it is lost)`;

/** The report in lines: totals, each row changed and why, each row without a workflow. */
function reportLines(report: ReconcileReport): string[] {
  return [
    `reconcile: ${report.checked.length} running case(s) checked, ${report.changed.length} row(s) changed, ` +
      `${report.withoutWorkflow.length} row(s) without a running workflow, ${report.failed.length} case(s) not checked`,
    ...report.changed.map(({ caseId, fields }) => `  changed ${caseId}: ${fields.join(', ')}`),
    ...report.raced.map((caseId) => `  left ${caseId}: a worker recorded a newer change meanwhile`),
    ...report.withoutWorkflow.map(
      (row) =>
        `  no running workflow for ${row.caseId} (stage ${row.stage}, last change ${row.updatedAt.toISOString()}): ` +
        `workflow ${row.workflow}`,
    ),
    ...report.failed.map(({ workflowId, reason }) => `  not checked ${workflowId}: ${reason}`),
  ];
}

/** The running cases by district, each as restored: what officers check their own records against. */
function restoredLines(report: ReconcileReport, asOf: string): string[] {
  const cases = [...report.checked].sort(
    (a, b) => a.district.localeCompare(b.district) || a.caseId.localeCompare(b.caseId),
  );
  return [
    `${cases.length} running case(s) restored to their state at ${asOf}; anything done on them after it is lost:`,
    ...cases.map((c) => `  ${c.district} ${c.caseId} ${c.parkName}: ${c.stage}, last change ${c.updatedAt}`),
  ];
}

/** `npm run reconcile` (docs/operations.md "Backup and restore"): after a restore, or when in doubt. */
async function main(): Promise<void> {
  let restoredFrom: string | undefined;
  try {
    const { values } = parseArgs({ options: { 'restored-from': { type: 'string' } }, strict: true });
    restoredFrom = values['restored-from'];
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const asOf = restoredFrom === undefined ? undefined : casesAsOf(readManifest(restoredFrom));
  const config = loadConfig({ process: 'reconcile', settings: ServiceSettings }, process.env);
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  try {
    const started = Date.now();
    const report = await withTemporalClient(config, (client) => reconcileReadModel(client, dataSource));
    for (const line of reportLines(report)) console.log(line);
    if (asOf) for (const line of restoredLines(report, asOf)) console.log(line);
    console.log(`reconciled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (report.failed.length > 0) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { parkCaseWorkflowId } from '../workflows/definitions/messages';
import type { Probes } from './probes';
import { row, type Row } from './report';
import type { ActionRecord } from './stream';

/**
 * Watches the updates Temporal lost after the API answered 202 (the outcome endpoint answered 404): a lost update
 * must have left nothing behind. The worker records each change in PostgreSQL (read model, audit) by a local
 * activity inside the workflow task that applies it; if that task never became durable (the Temporal server died
 * first), the record shows an action Temporal does not have — a phantom. Checked at the moment of the 404,
 * before the same-key retry sends the update again (which would make the record true after the fact).
 */
export class PhantomWatch {
  private lost = 0;
  private readonly phantoms: string[] = [];
  private readonly undecided: string[] = [];

  constructor(private readonly probes: Probes) {}

  /** The stream's `onLost` hook. */
  readonly onLost = async (record: ActionRecord): Promise<void> => {
    this.lost += 1;
    const eventId = `${parkCaseWorkflowId(record.caseId)}:update:${record.updateId}`;
    try {
      const audit = await this.probes.sql<{ action: string }>('SELECT action FROM case_audit WHERE event_id = $1', [
        eventId,
      ]);
      if (audit.length === 0) return;
      const temporal = await this.probes.temporal();
      const handle = temporal.workflow.getHandle(parkCaseWorkflowId(record.caseId));
      const history = await temporal.withDeadline(Date.now() + 5_000, () => handle.fetchHistory());
      const known = (history.events ?? []).some(
        (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === record.updateId,
      );
      if (known) return;
      const [stored] = await this.probes.sql<{ version: number; stage: string }>(
        'SELECT version, stage FROM park_cases WHERE case_id = $1',
        [record.caseId],
      );
      this.phantoms.push(
        `${record.path} (key ${record.key}): Temporal lost ` +
          `update ${record.updateId} (404 after 202, not in the workflow's history), ` +
          `yet case_audit holds '${audit[0].action}' for it and park_cases shows v${stored?.version} ${stored?.stage}`,
      );
    } catch (error) {
      this.undecided.push(
        `${record.path} (key ${record.key}): could not look (${(error as Error).message.split('\n')[0]})`,
      );
    }
  };

  /** "No phantom write": no update Temporal lost is recorded in the read model or the audit trail. */
  row(drill: string): Row {
    const numbers =
      `${this.lost} updates lost by Temporal after a 202 (re-sent with their ` +
      `key), ${this.phantoms.length} recorded anyway, ${this.undecided.length} undecided`;
    return row(
      drill,
      'no phantom write (lost update recorded)',
      numbers,
      this.phantoms.length === 0 && this.undecided.length === 0,
      [...this.phantoms, ...this.undecided],
    );
  }
}

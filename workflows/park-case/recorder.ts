import type { CaseChange, PaymentInstruction } from '../definitions/records';
import { instructPayment, recordCaseChange } from './case-activities';
import { NoticeDeliveries } from './notice-deliveries';

/** One change waiting to be recorded: what PostgreSQL gets, and the payments the change ordered. */
export interface PendingRecord {
  change: CaseChange;
  instructions: PaymentInstruction[];
}

/**
 * The case's one recorder (issue 23 item 7): an officer is answered as soon as the change is durable in Temporal,
 * and the changes are written afterwards — strictly in the order of their versions, one at a time, from a queue:
 * `recordCaseChange` (read model, audit entry, notices), then `instructPayment` for each payment the change ordered
 * (after the record: officers see the change even while a slow treasury holds the payment), then the email
 * delivery of its notices, beside the case. Each write is exactly once by its key (the audit entry's `eventId`,
 * the notices' keys, the payment ids), and the read model keeps only the newest version it saw.
 */
export class CaseRecorder {
  private readonly queue: PendingRecord[] = [];
  private readonly deliveries = new NoticeDeliveries();
  private draining = false;

  /** Queues a change behind those not yet recorded; returns at once. */
  record(pending: PendingRecord): void {
    this.queue.push(pending);
    if (!this.draining) void this.drain();
  }

  /** True when every change queued so far is written (its payments instructed); deliveries may still be running. */
  written(): boolean {
    return this.queue.length === 0;
  }

  /** True when every change is recorded and every delivery of this run is done: the run may end. */
  idle(): boolean {
    return this.queue.length === 0 && this.deliveries.idle();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      const { change, instructions } = this.queue[0];
      await recordCaseChange(change);
      for (const instruction of instructions) await instructPayment(instruction);
      this.deliveries.start(change.notices);
      this.queue.shift(); // only now: until the change is written, the run may not end
    }
    this.draining = false;
  }
}

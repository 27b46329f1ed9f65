import type { Client } from '@temporalio/client';
import { fileReport, revoke, type ParkPlan } from './parks';

const DAY_MS = 86_400_000;

/** One officer action of the plan, due at a policy instant. */
interface PlannedAction {
  at: number;
  caseId: string;
  run: (client: Client) => Promise<void>;
}

/** What became of the plan's actions. */
export interface LifeTally {
  done: number;
  refused: string[];
  /** Sent more than a policy day after the instant the plan gave it (the bench's own backlog). */
  late: number;
}

/**
 * The district and municipal officers of a scale run: each park files its yearly report for every reporting year
 * at its point of the window 1 January – 31 March (unless it never files), and some parks are revoked with a refund
 * demand during their first reporting year. The actions go straight to the workflows (Temporal updates, as the API
 * sends them), at most `concurrency` at once, as their policy instants pass on the shared policy clock.
 */
export class ParkLife {
  private readonly queue: PlannedAction[] = [];
  readonly tally: LifeTally = { done: 0, refused: [], late: 0 };

  constructor(
    plans: ParkPlan[],
    private readonly clock: { policyNow(): number },
    startMs: number,
    endMs: number,
    firstReportingYear: number,
  ) {
    for (const plan of plans) {
      if (plan.revokeAfterDays !== undefined) {
        const at = Date.UTC(firstReportingYear, 0, 1) + plan.revokeAfterDays * DAY_MS;
        this.queue.push({ at: Math.max(at, startMs), caseId: plan.caseId, run: (c) => revoke(c, plan.caseId) });
      }
      if (plan.neverFiles) continue;
      for (let year = firstReportingYear; ; year += 1) {
        const at = Date.UTC(year + 1, 0, 1) + plan.filingPoint * 89 * DAY_MS;
        if (at >= endMs) break;
        this.queue.push({ at, caseId: plan.caseId, run: (c) => fileReport(c, plan.caseId, year) });
      }
    }
    this.queue.sort((a, b) => a.at - b.at);
  }

  /** Sends every action whose instant has passed, until the policy clock reaches `endMs`. */
  async run(client: Client, endMs: number, concurrency: number): Promise<void> {
    const lanes = Array.from({ length: concurrency }, async () => {
      while (this.clock.policyNow() < endMs || (this.queue[0] && this.queue[0].at < endMs)) {
        const next = this.queue[0];
        if (!next || next.at > this.clock.policyNow()) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        this.queue.shift();
        if (this.clock.policyNow() - next.at > DAY_MS) this.tally.late += 1;
        try {
          await next.run(client);
          this.tally.done += 1;
        } catch (error) {
          this.tally.refused.push(`${next.caseId}: ${(error as Error).message}`);
        }
      }
    });
    await Promise.all(lanes);
  }
}

import type { DataSource } from 'typeorm';
import { CaseDeadlinesRepository } from '../persistence/repositories/case-deadlines.repository';
import { CaseHistoryRepository } from '../persistence/repositories/case-history.repository';
import { CaseSubmissionsRepository } from '../persistence/repositories/case-submissions.repository';
import { NotificationsRepository } from '../persistence/repositories/notifications.repository';
import { ParkCasesRepository } from '../persistence/repositories/park-cases.repository';
import { PaymentsRepository } from '../persistence/repositories/payments.repository';
import type { CaseSnapshot } from '../workflows/definitions/case';
import type { CaseChange } from '../workflows/definitions/records';

export interface CaseRecordDeps {
  dataSource: DataSource;
}

/**
 * Activities that write a case's changes to PostgreSQL, idempotent by business key: the read model by
 * (case, version) — an older snapshot never overwrites a newer one — the filing log by (case, filing),
 * the audit trail by event id, notices by their key, payment confirmations by (case, paymentId).
 */
export function createCaseRecordActivities({ dataSource }: CaseRecordDeps) {
  return {
    /** Writes one change of a case in one transaction. */
    async recordCaseChange({ snapshot, audit, notices, policyTimeScale = 1 }: CaseChange): Promise<void> {
      await dataSource.transaction(async (tx) => {
        // an older snapshot is not written: the newer one's deadlines stay
        if (await new ParkCasesRepository(tx).saveIfNewer(snapshot)) {
          const deadlines = snapshot.deadlines.map(({ kind, dueAt }) => ({
            kind,
            dueAt,
            dueWallAt: wallTimeOf(dueAt, snapshot, policyTimeScale),
          }));
          await new CaseDeadlinesRepository(tx).replaceForCase(snapshot.caseId, deadlines);
        }
        if (audit.action === 'application_filed' || audit.action === 'application_resubmitted') {
          await new CaseSubmissionsRepository(tx).record({
            caseId: snapshot.caseId,
            submissionNo: snapshot.submissionCount,
            outcome: snapshot.stage,
            deficiencies: snapshot.deficiencies,
            application: snapshot.application,
            submittedAt: snapshot.updatedAt,
          });
        }
        await new CaseHistoryRepository(tx).append(audit);
        const notifications = new NotificationsRepository(tx);
        for (const notice of notices) await notifications.record(notice);
        const payments = new PaymentsRepository(tx);
        for (const payment of snapshot.payments.filter((p) => p.status === 'paid')) {
          await payments.recordPaid(snapshot.caseId, payment);
        }
      });
    },
  };
}

/** When a policy date passes on the clock: policy time runs `policyTimeScale` times faster from the opening. */
function wallTimeOf(policyIso: string, snapshot: CaseSnapshot, policyTimeScale: number): string {
  return new Date(
    snapshot.openedAtMs + (Date.parse(policyIso) - Date.parse(snapshot.openedAt)) / policyTimeScale,
  ).toISOString();
}

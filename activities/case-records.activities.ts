import type { DataSource } from 'typeorm';
import { CaseDeadlinesRepository, type CaseDeadline } from '../persistence/repositories/case-deadlines.repository';
import { CaseDocumentsRepository } from '../persistence/repositories/case-documents.repository';
import { CaseHistoryRepository, type ScheduleLag } from '../persistence/repositories/case-history.repository';
import { CaseSubmissionsRepository } from '../persistence/repositories/case-submissions.repository';
import { NotificationsRepository } from '../persistence/repositories/notifications.repository';
import { ParkCasesRepository } from '../persistence/repositories/park-cases.repository';
import { PaymentsRepository } from '../persistence/repositories/payments.repository';
import { translator } from '../i18n/translator';
import type { CaseSnapshot } from '../workflows/definitions/case';
import { DEFAULT_LOCALE } from '../workflows/definitions/message-ref';
import { wallTimeAt } from '../workflows/definitions/policy-time';
import { isFiling, type CaseChange, type Notice, type RecordedSnapshot } from '../workflows/definitions/records';

export interface CaseRecordDeps {
  dataSource: DataSource;
  /** Told how late each system event of a schedule was recorded (the worker logs and exports it). */
  onScheduleLag?: (lag: ScheduleLag & { caseId: string; action: string }) => void;
}

const POLICY_DAY_MS = 86_400_000;

/**
 * Activities that write a case's changes to PostgreSQL, idempotent by business key: the read model by
 * (case, version) — an older snapshot never overwrites a newer one — the filing log by (case, filing),
 * the audit trail by event id, notices by their key, payment confirmations by (case, paymentId), a recorded paper by
 * its document id.
 */
export function createCaseRecordActivities({ dataSource, onScheduleLag }: CaseRecordDeps) {
  return {
    /** Writes one change of a case in one transaction. */
    async recordCaseChange({ snapshot: recorded, audit, notices, policyTimeScale = 1 }: CaseChange): Promise<void> {
      const lag = scheduleLagOf(audit.details.scheduledFor, recorded, policyTimeScale);
      await dataSource.transaction(async (tx) => {
        const cases = new ParkCasesRepository(tx);
        const snapshot = await withApplication(cases, recorded);
        // an older snapshot is not written: the newer one's deadlines stay
        if (await cases.saveUnlessOlder(snapshot)) {
          await new CaseDeadlinesRepository(tx).replaceForCase(
            snapshot.caseId,
            deadlineRows(snapshot, policyTimeScale),
          );
        }
        if (isFiling(audit.action)) {
          await new CaseSubmissionsRepository(tx).record({
            caseId: snapshot.caseId,
            submissionNo: snapshot.submissionCount,
            outcome: snapshot.stage,
            deficiencies: snapshot.deficiencies,
            application: snapshot.application,
            submittedAt: snapshot.updatedAt,
          });
        }
        await new CaseHistoryRepository(tx).append(audit, lag);
        // R-DOC-1: the paper is the case's now, even when the upload's own answer never came (202, a crash).
        const attached = snapshot.documents?.filter((d) => d.documentId === audit.details.documentId) ?? [];
        if (audit.action === 'document_attached') await new CaseDocumentsRepository(tx).markRecorded(attached);
        const notifications = new NotificationsRepository(tx);
        for (const notice of notices) await notifications.record(notice, storedText(notice));
        const payments = new PaymentsRepository(tx);
        for (const payment of snapshot.payments.filter((p) => p.status === 'paid')) {
          await payments.recordPaid(snapshot.caseId, payment);
        }
      });
      if (lag) onScheduleLag?.({ ...lag, caseId: recorded.caseId, action: audit.action });
    },
  };
}

/**
 * The case as the read model keeps it: a change record carries the application only with the filing
 * (`RecordedSnapshot`); any other change keeps the one the read model holds from that filing.
 */
async function withApplication(cases: ParkCasesRepository, snapshot: RecordedSnapshot): Promise<CaseSnapshot> {
  const application =
    snapshot.application !== undefined
      ? snapshot.application
      : ((await cases.findSnapshot(snapshot.caseId))?.application ?? null);
  return { ...snapshot, application };
}

/** The read model's deadlines of `snapshot`: each with when it passes on the clock (`npm run reconcile` too). */
export const deadlineRows = (snapshot: CaseSnapshot, policyTimeScale: number): CaseDeadline[] =>
  snapshot.deadlines.map(({ kind, dueAt, shiftedFrom, reason, provisional }) => ({
    kind,
    dueAt,
    dueWallAt: wallTimeOf(dueAt, snapshot, policyTimeScale),
    ...(shiftedFrom && { shiftedFrom }),
    ...(reason && { reason }),
    ...(provisional && { provisional }),
  }));

/**
 * The text `notifications.message` keeps for ops and SQL readers: the zh-CN rendering of the notice's code (readers
 * render the code in their own language). An activity an older worker scheduled carries its English sentence.
 */
const storedText = ({ message }: Notice): string =>
  typeof message === 'string' ? message : translator.translate(message, DEFAULT_LOCALE);

/**
 * For a system event of the schedule (its details say when it was `scheduledFor`, in policy time): when it was due
 * on the clock and how far behind its recording is, in policy days (issue 13: timer lag). A worker that keeps up
 * records within a fraction of a policy day; a backlog shows here first.
 */
function scheduleLagOf(
  scheduledFor: unknown,
  snapshot: RecordedSnapshot,
  policyTimeScale: number,
): ScheduleLag | undefined {
  if (typeof scheduledFor !== 'string') return undefined;
  const dueWallAt = wallTimeOf(scheduledFor, snapshot, policyTimeScale);
  const lagMs = Math.max(0, Date.now() - Date.parse(dueWallAt));
  return { dueWallAt, lagPolicyDays: (lagMs * policyTimeScale) / POLICY_DAY_MS };
}

/** When a policy date passes on the clock (policy time runs `policyTimeScale` times faster from the opening). */
function wallTimeOf(policyIso: string, snapshot: RecordedSnapshot, policyTimeScale: number): string {
  const opened = { ms: snapshot.openedAtMs, iso: snapshot.openedAt };
  return wallTimeAt(policyIso, opened, policyTimeScale, snapshot.clockAdvancedDays).toISOString();
}

import type { DataSource, EntityManager } from 'typeorm';
import type { CaseSnapshot } from '../workflows/definitions/case';
import type { AuditEntry, CaseChange, Notice } from '../workflows/definitions/records';

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
        await upsertReadModel(tx, snapshot, policyTimeScale);
        if (audit.action === 'application_filed' || audit.action === 'application_resubmitted') await logFiling(tx, snapshot);
        await appendAudit(tx, audit);
        for (const notice of notices) await insertNotice(tx, notice);
        for (const payment of snapshot.payments.filter((p) => p.status === 'paid')) {
          await tx.query(
            `UPDATE payments SET status = 'paid', paid_at = $3, bank_reference = $4 WHERE case_id = $1 AND payment_id = $2 AND status <> 'paid'`,
            [snapshot.caseId, payment.paymentId, payment.paidAt, payment.bankReference],
          );
        }
      });
    },
  };
}

async function upsertReadModel(tx: EntityManager, snapshot: CaseSnapshot, policyTimeScale: number): Promise<void> {
  const revokedAt = snapshot.evaluations.find((evaluation) => evaluation.outcome === 'revoke')?.decidedAt ?? null;
  const written: unknown[] = await tx.query(
    `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, opened_at, updated_at, designated_at, revoked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (case_id) DO UPDATE SET
       park_name = EXCLUDED.park_name, stage = EXCLUDED.stage, version = EXCLUDED.version, snapshot = EXCLUDED.snapshot,
       updated_at = EXCLUDED.updated_at, designated_at = EXCLUDED.designated_at, revoked_at = EXCLUDED.revoked_at
     WHERE park_cases.version < EXCLUDED.version
     RETURNING case_id`,
    [snapshot.caseId, snapshot.district, snapshot.parkName, snapshot.stage, snapshot.version, JSON.stringify(snapshot), snapshot.openedAt, snapshot.updatedAt, snapshot.designation?.designatedAt ?? null, revokedAt],
  );
  if (written.length === 0) return; // an older snapshot: the newer one's deadlines stay
  await tx.query('DELETE FROM case_deadlines WHERE case_id = $1', [snapshot.caseId]);
  for (const deadline of snapshot.deadlines) {
    await tx.query('INSERT INTO case_deadlines (case_id, kind, due_at, due_wall_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      snapshot.caseId, deadline.kind, deadline.dueAt, wallTimeOf(deadline.dueAt, snapshot, policyTimeScale),
    ]);
  }
}

/** When a policy date passes on the clock: policy time runs `policyTimeScale` times faster from the opening. */
function wallTimeOf(policyIso: string, snapshot: CaseSnapshot, policyTimeScale: number): string {
  return new Date(snapshot.openedAtMs + (Date.parse(policyIso) - Date.parse(snapshot.openedAt)) / policyTimeScale).toISOString();
}

async function logFiling(tx: EntityManager, snapshot: CaseSnapshot): Promise<void> {
  await tx.query(
    `INSERT INTO case_submissions (case_id, submission_no, outcome, deficiencies, application, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, submission_no) DO NOTHING`,
    [snapshot.caseId, snapshot.submissionCount, snapshot.stage, JSON.stringify(snapshot.deficiencies), JSON.stringify(snapshot.application), snapshot.updatedAt],
  );
}

async function appendAudit(tx: EntityManager, audit: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO case_audit (event_id, case_id, at, actor, action, details) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (event_id) DO NOTHING`,
    [audit.eventId, audit.caseId, audit.at, JSON.stringify(audit.actor), audit.action, JSON.stringify(audit.details)],
  );
}

async function insertNotice(tx: EntityManager, notice: Notice): Promise<void> {
  const { recipient } = notice;
  await tx.query(
    `INSERT INTO notifications (key, case_id, kind, recipient_role, recipient_district, recipient_id, due_at, issued_at, clause, message)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (key) DO NOTHING`,
    [
      notice.key, notice.caseId, notice.kind, recipient.role,
      recipient.role === 'district' ? recipient.district : null,
      recipient.role === 'expert' ? recipient.expertId : null,
      notice.dueAt ?? null, notice.issuedAt, notice.clause, notice.message,
    ],
  );
}

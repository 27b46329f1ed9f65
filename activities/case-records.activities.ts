import type { DataSource } from 'typeorm';
import type { CaseSnapshot } from '../workflows/definitions/case';

export interface CaseRecordDeps {
  dataSource: DataSource;
}

/**
 * Activities that mirror a case into PostgreSQL. Idempotent by business key: the read-model row by
 * (case, version) — a replayed or out-of-order write never overwrites a newer one — and the filing log
 * by (case, filing number).
 */
export function createCaseRecordActivities({ dataSource }: CaseRecordDeps) {
  return {
    /** Upserts the case's read-model row and, when the snapshot carries a filing, logs that filing once. */
    async syncCaseReadModel(snapshot: CaseSnapshot): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, opened_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (case_id) DO UPDATE SET
             park_name = EXCLUDED.park_name, stage = EXCLUDED.stage, version = EXCLUDED.version,
             snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
           WHERE park_cases.version < EXCLUDED.version`,
          [
            snapshot.caseId,
            snapshot.district,
            snapshot.parkName,
            snapshot.stage,
            snapshot.version,
            JSON.stringify(snapshot),
            snapshot.openedAt,
            snapshot.updatedAt,
          ],
        );
        if (snapshot.application && snapshot.submissionCount > 0) {
          await tx.query(
            `INSERT INTO case_submissions (case_id, submission_no, outcome, deficiencies, application, submitted_at)
             SELECT $1, $2, $3, $4, $5, $6
             WHERE $3 IN ('submitted', 'returned')
             ON CONFLICT (case_id, submission_no) DO NOTHING`,
            [
              snapshot.caseId,
              snapshot.submissionCount,
              snapshot.stage,
              JSON.stringify(snapshot.deficiencies),
              JSON.stringify(snapshot.application),
              snapshot.updatedAt,
            ],
          );
        }
      });
    },
  };
}

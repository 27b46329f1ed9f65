import type { Deficiency, ParkApplication } from '../../workflows/definitions/application';
import type { Database } from './database';

/** One application filed for a case, with the outcome of its checks. */
export interface CaseSubmission {
  caseId: string;
  /** 1 for the first filing, 2 for the first resubmission, … */
  submissionNo: number;
  /** The stage the filing led to. */
  outcome: string;
  deficiencies: Deficiency[];
  application: ParkApplication | null;
  submittedAt: string;
}

/** The filing log (`case_submissions`): one row per (case, filing number). */
export class CaseSubmissionsRepository {
  constructor(private readonly db: Database) {}

  /** Records the filing; one already recorded (same case and number) is left as it is. */
  async record(submission: CaseSubmission): Promise<void> {
    await this.db.query(
      `INSERT INTO case_submissions (case_id, submission_no, outcome, deficiencies, application, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, submission_no) DO NOTHING`,
      [
        submission.caseId,
        submission.submissionNo,
        submission.outcome,
        JSON.stringify(submission.deficiencies),
        JSON.stringify(submission.application),
        submission.submittedAt,
      ],
    );
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Deficiency, ParkApplication } from '../../workflows/definitions/application';

/** Every application filed for a case, with the R-APP-1..7 outcome; one row per (case, filing number). */
@Entity({ name: 'case_submissions' })
export class CaseSubmissionRecord {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ name: 'submission_no', type: 'integer' })
  submissionNo!: number;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'jsonb' })
  deficiencies!: Deficiency[];

  @Column({ type: 'jsonb' })
  application!: ParkApplication;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}

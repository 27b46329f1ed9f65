import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseSnapshot } from '../../workflows/definitions/case';

/** Read model of one park case: the latest snapshot the case workflow published (highest `version`). */
@Entity({ name: 'park_cases' })
export class ParkCaseRecord {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Index()
  @Column({ type: 'text' })
  district!: string;

  @Column({ name: 'park_name', type: 'text' })
  parkName!: string;

  @Index()
  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  snapshot!: CaseSnapshot;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** When the case was designated (from the snapshot); what the designation statistics count by. */
  @Column({ name: 'designated_at', type: 'timestamptz', nullable: true })
  designatedAt!: Date | null;

  /** When the designation was revoked (from the snapshot): the park no longer counts from then. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

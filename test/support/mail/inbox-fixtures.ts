import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY } from '../../../workflows/definitions/policy';
import type { NoticeRecipient } from '../../../workflows/definitions/records';
import { newCase } from '../../../workflows/lifecycle/intake';

/** A notice to write: its kind and recipient (a district recipient is the case's district). */
export interface NoticeSeed {
  kind: string;
  role: NoticeRecipient['role'];
  /** The expert it is addressed to (role `expert`). */
  expertId?: string;
}

/**
 * A case of `district` in the read model with `notices` issued one minute apart, as the case workflow writes them
 * (each in its recipient's inbox, not yet emailed); their keys in that order.
 */
export async function caseWithNotices(
  dataSource: DataSource,
  district: string,
  notices: NoticeSeed[],
): Promise<{ caseId: string; keys: string[] }> {
  const caseId = randomUUID();
  const at = Date.parse('2027-03-01T00:00:00Z');
  const parkName = `园区-${district}`;
  const snapshot = {
    ...newCase(
      { caseId, district, parkName, policy: DEFAULT_POLICY, policyTimeScale: 1 },
      Date.now(),
      new Date().toISOString(),
    ),
    stage: 'designated',
  };
  await dataSource.query(
    `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, ` +
      `opened_at, updated_at) VALUES ($1, $2, $3, 'designated', 1, $4, now(), now())`,
    [caseId, district, parkName, JSON.stringify(snapshot)],
  );
  const keys: string[] = [];
  for (const [i, notice] of notices.entries()) {
    const key = `${caseId}:report:2026:${notice.kind}:${i}:0`;
    keys.push(key);
    await dataSource.query(
      `INSERT INTO notifications (key, case_id, kind, recipient_role, recipient_district, recipient_id, due_at, ` +
        `issued_at, clause, message)
       VALUES ($1, $2, $3, $4, $5, $6, '2027-03-31T16:00:00Z', $7, '§5.3 R-RPT-1', 'the 2026 yearly report is due')`,
      [
        key,
        caseId,
        notice.kind,
        notice.role,
        notice.role === 'district' ? district : null,
        notice.expertId ?? null,
        new Date(at + i * 60_000).toISOString(),
      ],
    );
  }
  return { caseId, keys };
}

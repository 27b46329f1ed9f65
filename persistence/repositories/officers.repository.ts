import type { OfficerRole } from '../../workflows/definitions/case';
import type { OfficerSource } from '../../workflows/definitions/notice-delivery';
import type { Database } from './database';
import { SqlParams } from './sql-params';

/** What the directory knows of an officer (`officers`). */
export interface OfficerEntry {
  /** The officer's id: the subject of their tokens (AUTH_SUBJECT_CLAIM), an expert's id on panels. */
  subject: string;
  role: OfficerRole;
  district: string | null;
  /** Where their notices are emailed; null: none known, the inbox only. */
  email: string | null;
  displayName: string | null;
  /** When they last signed in (recorded at most every few minutes); null: imported, never signed in. */
  lastSignInAt: Date | null;
  source: OfficerSource;
}

/** An officer as the identity provider describes them (a token's claims, or its user list). */
export interface OfficerFacts {
  subject: string;
  role: OfficerRole;
  district?: string | null;
  email?: string | null;
  displayName?: string | null;
}

/** Which officers `list` answers, by subject. */
export interface OfficerFilter {
  role?: OfficerRole;
  /** false: only those with no email known; true: only those with one. */
  emailable?: boolean;
  /** Keyset position: only subjects after this one. */
  afterSubject?: string;
  limit: number;
}

interface OfficerRow {
  subject: string;
  role: OfficerRole;
  district: string | null;
  email: string | null;
  display_name: string | null;
  last_sign_in_at: Date | null;
  source: OfficerSource;
}

const COLUMNS = 'subject, role, district, email, display_name, last_sign_in_at, source';

/**
 * The officer directory (`officers`): every officer who signed in or was imported from the identity provider, with
 * the address their notices are emailed to.
 */
export class OfficersRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records a sign-in at `at`: the token's role and district, and its email and name when it carries them (a token
   * without them keeps what the directory knew).
   */
  async recordSignIn(officer: OfficerFacts, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO officers (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, 'sign_in')
       ON CONFLICT (subject) DO UPDATE SET role = EXCLUDED.role, district = EXCLUDED.district,
         email = COALESCE(EXCLUDED.email, officers.email),
         display_name = COALESCE(EXCLUDED.display_name, officers.display_name),
         last_sign_in_at = EXCLUDED.last_sign_in_at, source = 'sign_in', updated_at = now()`,
      [officer.subject, officer.role, officer.district ?? null, officer.email ?? null, officer.displayName ?? null, at],
    );
  }

  /**
   * Records officers from the identity provider's user list, as it has them (an address it no longer has is
   * forgotten); when each last signed in is kept. One transaction: a list is imported whole or not at all.
   */
  async importOfficers(officers: readonly OfficerFacts[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const officer of officers) {
        await tx.query(
          `INSERT INTO officers (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, NULL, 'import')
           ON CONFLICT (subject) DO UPDATE SET role = EXCLUDED.role, district = EXCLUDED.district,
             email = EXCLUDED.email, display_name = EXCLUDED.display_name, source = 'import', updated_at = now()`,
          [officer.subject, officer.role, officer.district ?? null, officer.email ?? null, officer.displayName ?? null],
        );
      }
    });
  }

  /** The officer `subject`; undefined when the directory does not know them. */
  async find(subject: string): Promise<OfficerEntry | undefined> {
    const [row]: OfficerRow[] = await this.db.query(`SELECT ${COLUMNS} FROM officers WHERE subject = $1`, [subject]);
    return row && toEntry(row);
  }

  /** The officers of the filter, by subject. */
  async list(filter: OfficerFilter): Promise<OfficerEntry[]> {
    const params = new SqlParams();
    const where = ['true'];
    if (filter.role) where.push(`role = ${params.add(filter.role)}`);
    if (filter.emailable !== undefined) where.push(`email IS ${filter.emailable ? 'NOT ' : ''}NULL`);
    if (filter.afterSubject !== undefined) where.push(`subject > ${params.add(filter.afterSubject)}`);
    const rows: OfficerRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM officers WHERE ${where.join(' AND ')} ORDER BY subject LIMIT ${params.add(filter.limit)}`,
      params.values,
    );
    return rows.map(toEntry);
  }

  /**
   * The email addresses of the officers of `role` (every one, or the one `subject`) with their names, by subject;
   * officers without an address are left out.
   */
  async addressesOf(role: OfficerRole, subject?: string): Promise<Array<{ email: string; name: string | null }>> {
    return this.db.query(
      `SELECT email, display_name AS name FROM officers
       WHERE role = $1 AND email IS NOT NULL AND ($2::text IS NULL OR subject = $2) ORDER BY subject`,
      [role, subject ?? null],
    );
  }
}

function toEntry(row: OfficerRow): OfficerEntry {
  return {
    subject: row.subject,
    role: row.role,
    district: row.district,
    email: row.email,
    displayName: row.display_name,
    lastSignInAt: row.last_sign_in_at,
    source: row.source,
  };
}

import type { Locale } from '../../workflows/definitions/message-ref';
import { DistrictRecord } from '../entities/district.entity';
import type { Database } from './database';

/** One address of a district bureau that receives its reminders and notices by email. */
export interface DistrictContact {
  email: string;
  name: string | null;
  /** The language of its emails. */
  locale: Locale;
}

/**
 * Districts (`districts`, reference data seeded by migration) and their bureaus' email addresses
 * (`district_contacts`, in the order given).
 */
export class DistrictsRepository {
  constructor(private readonly db: Database) {}

  /** Every district, by code. */
  list(): Promise<DistrictRecord[]> {
    return this.db.getRepository(DistrictRecord).find({ order: { code: 'ASC' } });
  }

  /** Whether `code` is a district's code. */
  async exists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM districts WHERE code = $1', [code]);
    return rows.length > 0;
  }

  /** The district's contacts, in their order. */
  contactsOf(code: string): Promise<DistrictContact[]> {
    return this.db.query('SELECT email, name, locale FROM district_contacts WHERE district = $1 ORDER BY position', [
      code,
    ]);
  }

  /** Replaces the district's contacts with `contacts`, in that order, in one transaction. */
  async replaceContacts(code: string, contacts: readonly DistrictContact[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM district_contacts WHERE district = $1', [code]);
      for (const [position, contact] of contacts.entries()) {
        await tx.query(
          'INSERT INTO district_contacts (district, email, name, locale, position) VALUES ($1, $2, $3, $4, $5)',
          [code, contact.email, contact.name, contact.locale, position],
        );
      }
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';
import type { DistrictContactsDto, DistrictContactsView } from './district-contacts.dto';

/** The directory of district bureaus' email addresses that notices are delivered to. */
@Injectable()
export class DistrictContactsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(code: string): Promise<DistrictContactsView> {
    await this.known(code);
    const rows: Array<{ email: string; name: string | null; locale: 'zh-CN' | 'en' }> = await this.dataSource.query(
      'SELECT email, name, locale FROM district_contacts WHERE district = $1 ORDER BY position',
      [code],
    );
    return { district: code, contacts: rows.map(({ email, name, locale }) => ({ email, ...(name ? { name } : {}), locale })) };
  }

  /** Replaces the district's list in one transaction; deliveries already queued keep their addresses. */
  async replace(code: string, body: DistrictContactsDto): Promise<DistrictContactsView> {
    await this.known(code);
    await this.dataSource.transaction(async (tx) => {
      await tx.query('DELETE FROM district_contacts WHERE district = $1', [code]);
      for (const [position, contact] of body.contacts.entries()) {
        await tx.query('INSERT INTO district_contacts (district, email, name, locale, position) VALUES ($1, $2, $3, $4, $5)', [
          code, contact.email, contact.name ?? null, contact.locale ?? 'zh-CN', position,
        ]);
      }
    });
    return this.get(code);
  }

  private async known(code: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM districts WHERE code = $1', [code]);
    if (rows.length === 0) throw notFound(`district ${code}`);
  }
}

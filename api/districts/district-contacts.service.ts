import { Injectable } from '@nestjs/common';
import { DistrictsRepository } from '../../persistence/repositories/districts.repository';
import { nested, notFound } from '../common/api-error';
import type { DistrictContactsDto, DistrictContactsView } from './district-contacts.dto';

/** The directory of district bureaus' email addresses that notices are delivered to. */
@Injectable()
export class DistrictContactsService {
  constructor(private readonly districts: DistrictsRepository) {}

  async get(code: string): Promise<DistrictContactsView> {
    await this.known(code);
    const contacts = await this.districts.contactsOf(code);
    return {
      district: code,
      contacts: contacts.map(({ email, name, locale }) => ({ email, ...(name ? { name } : {}), locale })),
    };
  }

  /** Replaces the district's list in one transaction; deliveries already queued keep their addresses. */
  async replace(code: string, body: DistrictContactsDto): Promise<DistrictContactsView> {
    await this.known(code);
    await this.districts.replaceContacts(
      code,
      body.contacts.map((contact) => ({
        email: contact.email,
        name: contact.name ?? null,
        locale: contact.locale ?? 'zh-CN',
      })),
    );
    return this.get(code);
  }

  private async known(code: string): Promise<void> {
    if (!(await this.districts.exists(code))) throw notFound(nested('errors.things.district', { district: code }));
  }
}

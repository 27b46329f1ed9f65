import { Injectable } from '@nestjs/common';
import { OfficersRepository, type OfficerEntry } from '../../persistence/repositories/officers.repository';
import type { Actor } from '../../workflows/definitions/case';
import { AppConfig } from '../config/app-config';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../common/paging';
import type { MeView, OfficerQuery, OfficerView } from './officer.dto';
import { officerOf } from './officer-profile';

/** The officer directory as the API shows it: the caller (`GET /v1/me`), everyone (`GET /v1/officers`). */
@Injectable()
export class OfficersService {
  constructor(
    private readonly officers: OfficersRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * The caller from their token; the name and email their token does not carry from the directory (imported, or
   * recorded at an earlier sign-in), which is read only then.
   */
  async me(actor: Actor, claims: Readonly<Record<string, unknown>>): Promise<MeView> {
    const names = { emailClaim: this.config.AUTH_EMAIL_CLAIM, nameClaim: this.config.AUTH_NAME_CLAIM };
    const token = officerOf(actor, claims, names);
    const known = token.email && token.displayName ? undefined : await this.officers.find(actor.id);
    const name = token.displayName ?? known?.displayName;
    const email = token.email ?? known?.email;
    return {
      sub: actor.id,
      role: actor.role,
      ...(actor.district ? { district: actor.district } : {}),
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
    };
  }

  /** The directory by subject, with the filters; `emailable=false` lists whom notices cannot reach by email. */
  async list(query: OfficerQuery): Promise<Page<OfficerView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['text']);
    const entries = await this.officers.list({
      role: query.role,
      emailable: query.emailable,
      afterSubject: after && String(after[0]),
      limit: limit + 1,
    });
    return toPage(entries, limit, (entry) => [entry.subject], toView);
  }
}

function toView(entry: OfficerEntry): OfficerView {
  return {
    sub: entry.subject,
    role: entry.role,
    ...(entry.district ? { district: entry.district } : {}),
    ...(entry.displayName ? { name: entry.displayName } : {}),
    ...(entry.email ? { email: entry.email } : {}),
    emailable: entry.email !== null,
    lastSignInAt: entry.lastSignInAt?.toISOString() ?? null,
    source: entry.source,
  };
}

import { Injectable } from '@nestjs/common';
import {
  NotificationsRepository,
  type InboxNotice,
  type InboxOwner,
} from '../../persistence/repositories/notifications.repository';
import type { Actor } from '../../workflows/definitions/case';
import { districtOf } from '../cases/case-scope';
import { notFound } from '../common/api-error';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage } from '../common/paging';
import { textOf } from '../i18n/localized-text';
import type { NotificationPage, NotificationQuery, NotificationView } from './notification.dto';

/**
 * The in-app inbox of every role (api-contract "Resources"): a district bureau's notices for its district, the
 * municipal bureau's own, an expert's own (addressed to their subject), the finance desk's; each officer marks
 * what they have read.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(actor: Actor, query: NotificationQuery): Promise<NotificationPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['instant', 'text']);
    const filter = { owner: inboxOf(actor), officer: actor.id, caseId: query.caseId, kind: query.kind };
    const [notices, unreadCount] = await Promise.all([
      this.notifications.list({
        ...filter,
        unread: query.unread,
        after: after && { issuedAt: String(after[0]), key: String(after[1]) },
        limit: limit + 1,
      }),
      this.notifications.unreadCount(filter),
    ]);
    return { ...toPage(notices, limit, (notice) => [notice.issuedAt.toISOString(), notice.key], toView), unreadCount };
  }

  /** Marks one of the caller's notifications read by the caller (again: no change); another's is 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const notice = await this.notifications.markRead(inboxOf(actor), actor.id, id);
    if (!notice) throw notFound({ code: 'errors.things.notification', params: { id } });
    return toView(notice);
  }
}

/** The caller's inbox: an expert's is theirs alone, the other roles share their bureau's or desk's. */
function inboxOf(actor: Actor): InboxOwner {
  switch (actor.role) {
    case 'district':
      return { role: 'district', district: districtOf(actor) };
    case 'expert':
      return { role: 'expert', expertId: actor.id };
    case 'municipal':
    case 'finance':
      return { role: actor.role };
  }
}

function toView(notice: InboxNotice): NotificationView {
  return {
    id: notice.key,
    kind: notice.kind,
    caseId: notice.caseId,
    ...(notice.dueAt ? { dueAt: notice.dueAt.toISOString() } : {}),
    createdAt: notice.issuedAt.toISOString(),
    read: notice.readAt !== null,
    clause: notice.clause,
    message: textOf(
      { code: notice.messageCode ?? undefined, params: notice.messageParams ?? undefined },
      notice.message,
    ),
    parkName: notice.parkName ?? '',
    delivery: { status: notice.deliveryStatus, failures: notice.failures },
  };
}

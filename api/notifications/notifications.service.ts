import { Injectable } from '@nestjs/common';
import {
  NotificationsRepository,
  type InboxNotice,
  type InboxOwner,
} from '../../persistence/repositories/notifications.repository';
import type { Actor } from '../../workflows/definitions/case';
import { districtOf } from '../cases/case-scope';
import { notFound } from '../common/api-error';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../common/paging';
import type { NotificationQuery, NotificationView } from './notification.dto';

/** The in-app inbox: a district bureau's notices for its district, the municipal bureau's own. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(actor: Actor, query: NotificationQuery): Promise<Page<NotificationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['instant', 'text']);
    const notices = await this.notifications.list({
      owner: inboxOf(actor),
      unread: query.unread,
      caseId: query.caseId,
      kind: query.kind,
      after: after && { issuedAt: String(after[0]), key: String(after[1]) },
      limit: limit + 1,
    });
    return toPage(notices, limit, (notice) => [notice.issuedAt.toISOString(), notice.key], toView);
  }

  /** Marks one of the caller's notifications read (again: no change); another's is 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const notice = await this.notifications.markRead(inboxOf(actor), id);
    if (!notice) throw notFound(`notification ${id}`);
    return toView(notice);
  }
}

/** The caller's inbox (the route admits district and municipal officers only). */
function inboxOf(actor: Actor): InboxOwner {
  return actor.role === 'district' ? { role: 'district', district: districtOf(actor) } : { role: 'municipal' };
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
    message: notice.message,
    parkName: notice.parkName ?? '',
    delivery: { status: notice.deliveryStatus, failures: notice.failures },
  };
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../workflows/definitions/case';
import { notFound } from '../common/api-error';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../common/paging';
import { SqlParams } from '../common/sql-params';
import type { NotificationQuery, NotificationView } from './notification.dto';

interface NotificationRow {
  key: string;
  kind: string;
  case_id: string;
  due_at: Date | null;
  issued_at: Date;
  read_at: Date | null;
  clause: string;
  message: string;
  park_name: string | null;
  delivery_status: NotificationView['delivery']['status'];
  failures: Array<{ address: string; error: string }>;
}

const SELECT = `SELECT n.key, n.kind, n.case_id, n.due_at, n.issued_at, n.read_at, n.clause, n.message, c.park_name, n.delivery_status,
    COALESCE((SELECT json_agg(json_build_object('address', d.address, 'error', d.last_error) ORDER BY d.address)
              FROM notice_deliveries d WHERE d.notice_key = n.key AND d.status = 'failed'), '[]') AS failures
  FROM notifications n LEFT JOIN park_cases c ON c.case_id = n.case_id`;

/** The in-app inbox: a district bureau's notices for its district, the municipal bureau's own. */
@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: NotificationQuery): Promise<Page<NotificationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['instant', 'text']);
    const params = new SqlParams();
    const where = [this.scope(actor, params)];
    if (query.unread) where.push('n.read_at IS NULL');
    if (query.caseId) where.push(`n.case_id = ${params.add(query.caseId)}`);
    if (query.kind) where.push(`n.kind = ${params.add(query.kind)}`);
    if (after) where.push(`(n.issued_at, n.key) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])})`);
    const rows: NotificationRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY n.issued_at DESC, n.key DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return toPage(rows, limit, (row) => [new Date(row.issued_at).toISOString(), row.key], toView);
  }

  /** Marks one of the caller's notifications read (again: no change); another's is 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const params = new SqlParams();
    const scope = this.scope(actor, params);
    const updated: unknown[] = await this.dataSource.query(
      // As a CTE, so the query answers rows (TypeORM answers a bare UPDATE with [rows, count]).
      `WITH marked AS (UPDATE notifications n SET read_at = COALESCE(n.read_at, now()) WHERE ${scope} AND n.key = ${params.add(id)} RETURNING n.key) SELECT key FROM marked`,
      params.values,
    );
    if (updated.length === 0) throw notFound(`notification ${id}`);
    const [row]: NotificationRow[] = await this.dataSource.query(`${SELECT} WHERE n.key = $1`, [id]);
    return toView(row);
  }

  /** The caller's notifications (the route admits district and municipal officers only). */
  private scope(actor: Actor, params: SqlParams): string {
    if (actor.role !== 'district') return `n.recipient_role = 'municipal'`;
    return `n.recipient_role = 'district' AND n.recipient_district = ${params.add(actor.district)}`;
  }
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.key,
    kind: row.kind,
    caseId: row.case_id,
    ...(row.due_at ? { dueAt: new Date(row.due_at).toISOString() } : {}),
    createdAt: new Date(row.issued_at).toISOString(),
    read: row.read_at !== null,
    clause: row.clause,
    message: row.message,
    parkName: row.park_name ?? '',
    delivery: { status: row.delivery_status, failures: row.failures },
  };
}

import type { DeliveryStatus } from '../../workflows/definitions/notice-delivery';
import type { Notice, NoticeKind } from '../../workflows/definitions/records';
import type { Database } from './database';
import { SqlParams } from './sql-params';

/** Whose inbox: the municipal bureau's, or one district bureau's. */
export type InboxOwner = { role: 'municipal' } | { role: 'district'; district: string };

/** A notice as its recipient's inbox shows it. */
export interface InboxNotice {
  key: string;
  kind: NoticeKind;
  caseId: string;
  dueAt: Date | null;
  issuedAt: Date;
  readAt: Date | null;
  clause: string;
  message: string;
  /** null when the case has no read-model row. */
  parkName: string | null;
  deliveryStatus: DeliveryStatus;
  /** The addresses that refused the notice's email for good, by address. */
  failures: Array<{ address: string; error: string }>;
}

/** Which notices `list` answers, newest issued first. */
export interface InboxFilter {
  owner: InboxOwner;
  /** true: only notices not yet read. */
  unread?: boolean;
  caseId?: string;
  kind?: NoticeKind;
  /** Keyset position: only notices after this one in the list's order. */
  after?: { issuedAt: string; key: string };
  /** How many notices at most. */
  limit: number;
}

type InboxRow = Omit<InboxNotice, 'caseId' | 'dueAt' | 'issuedAt' | 'readAt' | 'parkName' | 'deliveryStatus'> & {
  case_id: string;
  due_at: Date | null;
  issued_at: Date;
  read_at: Date | null;
  park_name: string | null;
  delivery_status: DeliveryStatus;
};

const SELECT_INBOX =
  `SELECT n.key, n.kind, n.case_id, n.due_at, n.issued_at, n.read_at, ` +
  `n.clause, n.message, c.park_name,
    n.delivery_status,
    COALESCE((SELECT json_agg(json_build_object('address', d.address, 'error', d.last_error) ORDER BY d.address)
              FROM notice_deliveries d WHERE d.notice_key = n.key AND d.status = 'failed'), '[]') AS failures
  FROM notifications n LEFT JOIN park_cases c ON c.case_id = n.case_id`;

/** The reminders and notices of every case (`notifications`): written once by key, read in the officers' inboxes. */
export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  /** Records `notice` for the inbox of its recipient; a notice already recorded (same key) is left as it is. */
  async record(notice: Notice): Promise<void> {
    const { recipient } = notice;
    await this.db.query(
      `INSERT INTO notifications (key, case_id, kind, recipient_role, recipient_district, recipient_id, due_at, ` +
        `issued_at, clause, message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (key) DO NOTHING`,
      [
        notice.key,
        notice.caseId,
        notice.kind,
        recipient.role,
        recipient.role === 'district' ? recipient.district : null,
        recipient.role === 'expert' ? recipient.expertId : null,
        notice.dueAt ?? null,
        notice.issuedAt,
        notice.clause,
        notice.message,
      ],
    );
  }

  /** The owner's notices of the filter, newest issued first, keyset-paged by (issued at, key). */
  async list(filter: InboxFilter): Promise<InboxNotice[]> {
    const params = new SqlParams();
    const where = [ownedBy(filter.owner, params)];
    if (filter.unread) where.push('n.read_at IS NULL');
    if (filter.caseId) where.push(`n.case_id = ${params.add(filter.caseId)}`);
    if (filter.kind) where.push(`n.kind = ${params.add(filter.kind)}`);
    if (filter.after) {
      const { issuedAt, key } = filter.after;
      where.push(`(n.issued_at, n.key) < (${params.add(issuedAt)}::timestamptz, ${params.add(key)})`);
    }
    const rows: InboxRow[] = await this.db.query(
      `${SELECT_INBOX} WHERE ${where.join(' AND ')} ORDER BY ` +
        `n.issued_at DESC, n.key DESC LIMIT ${params.add(filter.limit)}`,
      params.values,
    );
    return rows.map(toInboxNotice);
  }

  /**
   * Marks the owner's notice `key` read (one read already keeps its first instant) and answers it; undefined when
   * the owner has no such notice.
   */
  async markRead(owner: InboxOwner, key: string): Promise<InboxNotice | undefined> {
    const params = new SqlParams();
    const owned = ownedBy(owner, params);
    const marked: unknown[] = await this.db.query(
      // As a CTE, so the query answers rows (TypeORM answers a bare UPDATE with [rows, count]).
      `WITH marked AS (UPDATE notifications n SET read_at = COALESCE(n.read_at, now())
                       WHERE ${owned} AND n.key = ${params.add(key)} RETURNING n.key)
       SELECT key FROM marked`,
      params.values,
    );
    if (marked.length === 0) return undefined;
    const [row]: InboxRow[] = await this.db.query(`${SELECT_INBOX} WHERE n.key = $1`, [key]);
    return toInboxNotice(row);
  }
}

/** The condition on `notifications` alias `n` that keeps the owner's notices. */
function ownedBy(owner: InboxOwner, params: SqlParams): string {
  if (owner.role === 'municipal') return `n.recipient_role = 'municipal'`;
  return `n.recipient_role = 'district' AND n.recipient_district = ${params.add(owner.district)}`;
}

function toInboxNotice(row: InboxRow): InboxNotice {
  return {
    key: row.key,
    kind: row.kind,
    caseId: row.case_id,
    dueAt: row.due_at,
    issuedAt: row.issued_at,
    readAt: row.read_at,
    clause: row.clause,
    message: row.message,
    parkName: row.park_name,
    deliveryStatus: row.delivery_status,
    failures: row.failures,
  };
}

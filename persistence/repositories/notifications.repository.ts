import type { DeliveryStatus } from '../../workflows/definitions/notice-delivery';
import type { MessageParams } from '../../workflows/definitions/message-ref';
import type { Notice, NoticeKind } from '../../workflows/definitions/records';
import type { Database } from './database';
import { SqlParams } from './sql-params';

/** Whose inbox: the municipal bureau's, the finance desk's, one district bureau's, or one expert's. */
export type InboxOwner =
  | { role: 'municipal' }
  | { role: 'finance' }
  | { role: 'district'; district: string }
  | { role: 'expert'; expertId: string };

/** A notice as its recipient's inbox shows it. */
export interface InboxNotice {
  key: string;
  kind: NoticeKind;
  caseId: string;
  dueAt: Date | null;
  issuedAt: Date;
  /** When the reading officer marked it read (or the whole inbox did, before marks were per officer). */
  readAt: Date | null;
  clause: string;
  /** The zh-CN text (for ops and SQL readers); the only text of notices recorded before message codes (issue 20). */
  message: string;
  /** The text's catalogue code and parameters, rendered in each reader's language; null before issue 20. */
  messageCode: string | null;
  messageParams: MessageParams | null;
  /** null when the case has no read-model row. */
  parkName: string | null;
  deliveryStatus: DeliveryStatus;
  /** The addresses that refused the notice's email for good, by address. */
  failures: Array<{ address: string; error: string }>;
}

/** Which notices `list` answers, newest issued first. */
export interface InboxFilter {
  owner: InboxOwner;
  /** The officer reading it: their read marks count. */
  officer: string;
  /** true: only notices not yet read. */
  unread?: boolean;
  caseId?: string;
  kind?: NoticeKind;
  /** Keyset position: only notices after this one in the list's order. */
  after?: { issuedAt: string; key: string };
  /** How many notices at most. */
  limit: number;
}

type InboxRow = Omit<
  InboxNotice,
  'caseId' | 'dueAt' | 'issuedAt' | 'readAt' | 'parkName' | 'deliveryStatus' | 'messageCode' | 'messageParams'
> & {
  case_id: string;
  message_code: string | null;
  message_params: MessageParams | null;
  due_at: Date | null;
  issued_at: Date;
  read_at: Date | null;
  park_name: string | null;
  delivery_status: DeliveryStatus;
};

const SELECT_INBOX =
  `SELECT n.key, n.kind, n.case_id, n.due_at, n.issued_at, LEAST(r.read_at, n.read_at) AS read_at, ` +
  `n.clause, n.message, n.message_code, n.message_params, c.park_name,
    n.delivery_status,
    COALESCE((SELECT json_agg(json_build_object('address', d.address, 'error', d.last_error) ORDER BY d.address)
              FROM notice_deliveries d WHERE d.notice_key = n.key AND d.status = 'failed'), '[]') AS failures
  FROM notifications n LEFT JOIN park_cases c ON c.case_id = n.case_id
    LEFT JOIN notification_reads r ON r.notification_key = n.key AND r.officer_sub = $1`;
/**
 * Not read by the officer, nor by the whole inbox before marks were per officer. The officer's mark is tested on the
 * join's key, so the planner makes the outer join an anti-join and still reads the inbox in its index's order.
 */
const UNREAD = 'n.read_at IS NULL AND r.notification_key IS NULL';

/** The reminders and notices of every case (`notifications`): written once by key, read in the officers' inboxes. */
export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records `notice` for the inbox of its recipient, its text as code and parameters beside `text` (its zh-CN
   * rendering); a notice already recorded (same key) is left as it is. A notice the workflow wrote before message codes
   * (an activity scheduled by an older worker) carries an English sentence instead of a code: that is its text.
   */
  async record(notice: Notice, text: string): Promise<void> {
    const { recipient } = notice;
    const ref = typeof notice.message === 'string' ? undefined : notice.message;
    await this.db.query(
      `INSERT INTO notifications (key, case_id, kind, recipient_role, recipient_district, recipient_id, due_at, ` +
        `issued_at, clause, message, message_code, message_params)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (key) DO NOTHING`,
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
        text,
        ref?.code ?? null,
        ref?.params ? JSON.stringify(ref.params) : null,
      ],
    );
  }

  /** The owner's notices of the filter, newest issued first, keyset-paged by (issued at, key). */
  async list(filter: InboxFilter): Promise<InboxNotice[]> {
    const params = new SqlParams();
    params.add(filter.officer); // $1 of SELECT_INBOX
    const where = matching(filter, params);
    if (filter.unread) where.push(UNREAD);
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

  /** How many of the owner's notices of the filter (its case and kind; not its page) the officer has not read. */
  async unreadCount(filter: Omit<InboxFilter, 'unread' | 'after' | 'limit'>): Promise<number> {
    const params = new SqlParams();
    const reads = `r.notification_key = n.key AND r.officer_sub = ${params.add(filter.officer)}`;
    const [{ count }]: Array<{ count: number }> = await this.db.query(
      `SELECT count(*)::int AS count FROM notifications n LEFT JOIN notification_reads r ON ${reads}
       WHERE ${[...matching(filter, params), UNREAD].join(' AND ')}`,
      params.values,
    );
    return count;
  }

  /**
   * Marks the owner's notice `key` read by `officer` (a read already marked keeps its first instant) and answers it;
   * undefined when the owner has no such notice.
   */
  async markRead(owner: InboxOwner, officer: string, key: string): Promise<InboxNotice | undefined> {
    const params = new SqlParams();
    const reader = params.add(officer);
    const owned = ownedBy(owner, params);
    const marked: unknown[] = await this.db.query(
      // The owned notice's key whether or not it was marked before (ON CONFLICT answers no row then).
      `WITH owned AS (SELECT n.key FROM notifications n WHERE ${owned} AND n.key = ${params.add(key)}),
            marked AS (INSERT INTO notification_reads (notification_key, officer_sub) SELECT key, ${reader} FROM owned
                       ON CONFLICT (officer_sub, notification_key) DO NOTHING)
       SELECT key FROM owned`,
      params.values,
    );
    if (marked.length === 0) return undefined;
    const [row]: InboxRow[] = await this.db.query(`${SELECT_INBOX} WHERE n.key = $2`, [officer, key]);
    return toInboxNotice(row);
  }
}

/** The conditions on `notifications` alias `n` of the filter's owner, case and kind. */
function matching(filter: Pick<InboxFilter, 'owner' | 'caseId' | 'kind'>, params: SqlParams): string[] {
  const where = [ownedBy(filter.owner, params)];
  if (filter.caseId) where.push(`n.case_id = ${params.add(filter.caseId)}`);
  if (filter.kind) where.push(`n.kind = ${params.add(filter.kind)}`);
  return where;
}

/** The condition on `notifications` alias `n` that keeps the owner's notices. */
function ownedBy(owner: InboxOwner, params: SqlParams): string {
  // Each role a literal, so the planner matches the inbox's partial index (migrations ReadIndexes…, OfficerDirectory…).
  switch (owner.role) {
    case 'municipal':
      return `n.recipient_role = 'municipal'`;
    case 'finance':
      return `n.recipient_role = 'finance'`;
    case 'district':
      return `n.recipient_role = 'district' AND n.recipient_district = ${params.add(owner.district)}`;
    case 'expert':
      return `n.recipient_role = 'expert' AND n.recipient_id = ${params.add(owner.expertId)}`;
  }
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
    messageCode: row.message_code,
    messageParams: row.message_params,
    parkName: row.park_name,
    deliveryStatus: row.delivery_status,
    failures: row.failures,
  };
}

import { messageRef, type Locale, type MessageParams, type MessageRef } from '../../workflows/definitions/message-ref';
import type { DeliveryStatus, NoticeDeliveryReport } from '../../workflows/definitions/notice-delivery';
import type { NoticeKind, NoticeRecipient } from '../../workflows/definitions/records';
import type { DistrictReference } from '../reference/chongqing-districts';
import type { Database } from './database';

/** A notice with what its emails are rendered from: its case's park and district. */
export interface NoticeToDeliver {
  key: string;
  kind: NoticeKind;
  /** Who the notice is for: a district bureau, the municipal bureau, the finance desk, or one expert. */
  recipient: NoticeRecipient;
  dueAt: Date | null;
  clause: string;
  /** Its text as a code and parameters, rendered in each email's language; absent before message codes (issue 20). */
  message?: MessageRef;
  deliveryStatus: DeliveryStatus;
  parkName: string;
  district: DistrictReference;
}

/** The email one address is sent for a notice, while it is pending. */
export interface PendingEmail {
  noticeKey: string;
  address: string;
  subject: string;
  body: string;
  messageId: string;
}

/** One outbox row: the email of one notice to one address, its dedupe key the row's identity. */
export interface OutboxEmail extends PendingEmail {
  dedupeKey: string;
  locale: Locale;
}

/**
 * The email side of notices: the outbox (`notice_deliveries`, one row per notice and address) and the delivery
 * status it gives each notice (`notifications.delivery_status`). Methods that lock rows must run in the
 * transaction whose length the lock must last (a repository built on its `EntityManager`).
 */
export class NoticeOutboxRepository {
  constructor(private readonly db: Database) {}

  /** The notice `key`, locked until the transaction ends (its case's row is not); undefined when there is none. */
  async lockNotice(key: string): Promise<NoticeToDeliver | undefined> {
    const [row]: Array<{
      key: string;
      kind: NoticeKind;
      recipient_role: NoticeRecipient['role'];
      recipient_district: string;
      recipient_id: string;
      due_at: Date | null;
      clause: string;
      message_code: string | null;
      message_params: MessageParams | null;
      delivery_status: DeliveryStatus;
      park_name: string;
      district: string;
      district_name: string;
      district_name_en: string;
    }> = await this.db.query(
      `SELECT n.key, n.kind, n.recipient_role, n.recipient_district, n.recipient_id, n.due_at, n.clause,
              n.message_code, n.message_params, n.delivery_status,
              c.park_name, c.district, d.name AS district_name, d.name_en AS district_name_en
       FROM notifications n JOIN park_cases c ON c.case_id = n.case_id JOIN districts d ON d.code = c.district
       WHERE n.key = $1 FOR UPDATE OF n`,
      [key],
    );
    if (!row) return undefined;
    return {
      key: row.key,
      kind: row.kind,
      recipient:
        row.recipient_role === 'district'
          ? { role: 'district', district: row.recipient_district }
          : row.recipient_role === 'expert'
            ? { role: 'expert', expertId: row.recipient_id }
            : { role: row.recipient_role },
      dueAt: row.due_at,
      clause: row.clause,
      ...(row.message_code ? { message: messageRef(row.message_code, row.message_params ?? undefined) } : {}),
      deliveryStatus: row.delivery_status,
      parkName: row.park_name,
      district: { code: row.district, name: row.district_name, nameEn: row.district_name_en },
    };
  }

  /** Sets the delivery status of the notice `key`. */
  async setDeliveryStatus(key: string, status: DeliveryStatus): Promise<void> {
    await this.db.query('UPDATE notifications SET delivery_status = $2 WHERE key = $1', [key, status]);
  }

  /** Queues `email` as pending; a row already queued for its dedupe key is left as it is. */
  async enqueue(email: OutboxEmail): Promise<void> {
    await this.db.query(
      `INSERT INTO notice_deliveries (dedupe_key, notice_key, address, locale, subject, body, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
      [email.dedupeKey, email.noticeKey, email.address, email.locale, email.subject, email.body, email.messageId],
    );
  }

  /** The dedupe keys of the notices' pending rows, by notice and address. */
  async pendingDedupeKeys(noticeKeys: readonly string[]): Promise<string[]> {
    const rows: Array<{ dedupe_key: string }> = await this.db.query(
      `SELECT dedupe_key FROM notice_deliveries WHERE notice_key = ANY($1) AND status = 'pending'
       ORDER BY notice_key, address`,
      [noticeKeys],
    );
    return rows.map((row) => row.dedupe_key);
  }

  /**
   * The row's email while it is still pending, locked until the transaction ends; undefined when it is no longer
   * pending or another transaction holds it (that one is sending it: never wait to send it a second time).
   */
  async claimPending(dedupeKey: string): Promise<PendingEmail | undefined> {
    const [row]: Array<{ notice_key: string; address: string; subject: string; body: string; message_id: string }> =
      await this.db.query(
        `SELECT notice_key, address, subject, body, message_id FROM notice_deliveries
         WHERE dedupe_key = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
        [dedupeKey],
      );
    return (
      row && {
        noticeKey: row.notice_key,
        address: row.address,
        subject: row.subject,
        body: row.body,
        messageId: row.message_id,
      }
    );
  }

  /** Records one attempt that sent the row's email. */
  async recordSent(dedupeKey: string): Promise<void> {
    await this.db.query(
      `UPDATE notice_deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE dedupe_key = $1`,
      [dedupeKey],
    );
  }

  /** Records one attempt that failed with `error`: for good (`failed`) or to be tried again (`pending`). */
  async recordFailedAttempt(dedupeKey: string, status: 'failed' | 'pending', error: string): Promise<void> {
    await this.db.query(
      'UPDATE notice_deliveries SET status = $2, attempts = attempts + 1, last_error = $3 WHERE dedupe_key = $1',
      [dedupeKey, status, error],
    );
  }

  /**
   * Derives the notice's delivery status from its rows: pending while any is, else delivered, failed or partially
   * failed.
   */
  async refreshDeliveryStatus(noticeKey: string): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET delivery_status = (
         SELECT CASE WHEN bool_or(status = 'pending') THEN 'pending' WHEN bool_and(status = 'sent') THEN 'delivered'
                     WHEN bool_and(status = 'failed') THEN 'failed' ELSE 'partially_failed' END
         FROM notice_deliveries WHERE notice_key = $1)
       WHERE key = $1`,
      [noticeKey],
    );
  }

  /** How many rows of the notices are sent, failed for good, and still pending. */
  async report(noticeKeys: readonly string[]): Promise<NoticeDeliveryReport> {
    const [report]: NoticeDeliveryReport[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, ` +
        `count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM notice_deliveries WHERE notice_key = ANY($1)`,
      [noticeKeys],
    );
    return report;
  }
}

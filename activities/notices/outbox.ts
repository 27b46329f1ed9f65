import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { NoticeDeliveryReport } from '../../workflows/definitions/notice-delivery';
import type { NoticeKind } from '../../workflows/definitions/records';
import { isPermanentSmtpFailure, type NoticeMailer } from './mailer';
import { renderNotice, type NoticeLocale } from './templates';

/** Where a notice's emails go: district bureaus from `district_contacts`, the municipal bureau from config. */
export interface NoticeDirectory {
  municipalEmails: readonly string[];
}

interface Recipient {
  address: string;
  locale: NoticeLocale;
}

/** One address's delivery of one notice: the outbox row's key, so no address gets a notice twice. */
export const dedupeKeyOf = (noticeKey: string, address: string): string => `${noticeKey}#${address.toLowerCase()}`;

/** A Message-ID derived from the dedupe key: a resend after a lost reply carries the same id. */
export const messageIdOf = (dedupeKey: string): string => `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}@notices.parkflow>`;

interface NoticeRow {
  key: string;
  kind: NoticeKind;
  recipient_role: string;
  recipient_district: string | null;
  due_at: Date | null;
  clause: string;
  message: string;
  delivery_status: string;
  park_name: string;
  district: string;
  district_name: string;
  district_name_en: string;
}

/**
 * Resolves the recipients of each notice once and writes its outbox rows with the rendered email, in one
 * transaction per notice that locks it; a notice already resolved (rows written, or a final status) is left
 * alone, so a retried attempt never re-reads a directory that changed in between.
 */
export async function enqueueDeliveries(dataSource: DataSource, noticeKeys: string[], directory: NoticeDirectory): Promise<void> {
  for (const key of noticeKeys) {
    await dataSource.transaction(async (tx) => {
      const [notice]: NoticeRow[] = await tx.query(
        `SELECT n.key, n.kind, n.recipient_role, n.recipient_district, n.due_at, n.clause, n.message, n.delivery_status,
                c.park_name, c.district, d.name AS district_name, d.name_en AS district_name_en
         FROM notifications n JOIN park_cases c ON c.case_id = n.case_id JOIN districts d ON d.code = c.district
         WHERE n.key = $1 FOR UPDATE OF n`,
        [key],
      );
      if (!notice || notice.delivery_status !== 'inbox_only') return; // resolved by an earlier attempt
      const recipients = await recipientsOf(tx, notice, directory);
      if (recipients === undefined) return;
      if (recipients.length === 0) return setStatus(tx, key, 'no_contacts');
      await setStatus(tx, key, 'pending');
      for (const { address, locale } of recipients) {
        const dedupeKey = dedupeKeyOf(key, address);
        const email = renderNotice(factsOf(notice), locale);
        await tx.query(
          `INSERT INTO notice_deliveries (dedupe_key, notice_key, address, locale, subject, body, message_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
          [dedupeKey, key, address, locale, email.subject, email.text, messageIdOf(dedupeKey)],
        );
      }
    });
  }
}

/** The addresses of a notice; `undefined` for recipients who have no email (finance desk, experts). */
async function recipientsOf(tx: EntityManager, notice: NoticeRow, directory: NoticeDirectory): Promise<Recipient[] | undefined> {
  if (notice.recipient_role === 'municipal') return directory.municipalEmails.map((address) => ({ address, locale: 'zh-CN' }));
  if (notice.recipient_role !== 'district') return undefined;
  return tx.query('SELECT email AS address, locale FROM district_contacts WHERE district = $1 ORDER BY position', [notice.recipient_district]);
}

function factsOf(notice: NoticeRow) {
  return {
    key: notice.key,
    kind: notice.kind,
    recipientRole: notice.recipient_role as 'district' | 'municipal',
    parkName: notice.park_name,
    district: { code: notice.district, name: notice.district_name, nameEn: notice.district_name_en },
    dueAt: notice.due_at ? new Date(notice.due_at).toISOString() : undefined,
    clause: notice.clause,
    message: notice.message,
  };
}

const setStatus = async (tx: EntityManager, key: string, status: string): Promise<void> => {
  await tx.query('UPDATE notifications SET delivery_status = $2 WHERE key = $1', [key, status]);
};

/**
 * Sends every pending outbox row of the notices, each in its own transaction that holds the row's lock for
 * the length of the SMTP transaction: a concurrent attempt (a retry racing a worker that has not let go yet)
 * skips the row instead of sending it a second time. A 5xx reply marks the row `failed`; any other error
 * leaves it pending for the next attempt. An abort rolls the row back untouched and ends the run.
 */
export async function sendPending(dataSource: DataSource, mailer: NoticeMailer, noticeKeys: string[], signal: AbortSignal, progress: () => void): Promise<NoticeDeliveryReport> {
  const rows: Array<{ dedupe_key: string }> = await dataSource.query(
    `SELECT dedupe_key FROM notice_deliveries WHERE notice_key = ANY($1) AND status = 'pending' ORDER BY notice_key, address`,
    [noticeKeys],
  );
  for (const { dedupe_key: dedupeKey } of rows) {
    signal.throwIfAborted();
    await dataSource.transaction(async (tx) => {
      const [row]: Array<{ notice_key: string; address: string; subject: string; body: string; message_id: string }> = await tx.query(
        `SELECT notice_key, address, subject, body, message_id FROM notice_deliveries WHERE dedupe_key = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
        [dedupeKey],
      );
      if (!row) return;
      try {
        await mailer.send({ to: row.address, subject: row.subject, text: row.body, messageId: row.message_id }, signal);
        await tx.query(`UPDATE notice_deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE dedupe_key = $1`, [dedupeKey]);
      } catch (error) {
        if (signal.aborted) throw error;
        const status = isPermanentSmtpFailure(error) ? 'failed' : 'pending';
        await tx.query('UPDATE notice_deliveries SET status = $2, attempts = attempts + 1, last_error = $3 WHERE dedupe_key = $1', [dedupeKey, status, String((error as Error).message ?? error)]);
      }
      await refreshStatus(tx, row.notice_key);
    });
    progress();
  }
  const [report]: NoticeDeliveryReport[] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status = 'pending')::int AS pending
     FROM notice_deliveries WHERE notice_key = ANY($1)`,
    [noticeKeys],
  );
  return report;
}

/** A notice's delivery status from its rows: pending while any is, else delivered, failed or partially failed. */
async function refreshStatus(tx: EntityManager, noticeKey: string): Promise<void> {
  await tx.query(
    `UPDATE notifications SET delivery_status = (
       SELECT CASE WHEN bool_or(status = 'pending') THEN 'pending' WHEN bool_and(status = 'sent') THEN 'delivered'
                   WHEN bool_and(status = 'failed') THEN 'failed' ELSE 'partially_failed' END
       FROM notice_deliveries WHERE notice_key = $1)
     WHERE key = $1`,
    [noticeKey],
  );
}

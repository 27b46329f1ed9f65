import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DistrictsRepository } from '../../persistence/repositories/districts.repository';
import { NoticeOutboxRepository, type NoticeToDeliver } from '../../persistence/repositories/notice-outbox.repository';
import { OfficersRepository } from '../../persistence/repositories/officers.repository';
import type { Database } from '../../persistence/repositories/database';
import { isPermanentSmtpFailure, type NoticeMailer } from './mailer';
import type { Locale } from '../../workflows/definitions/message-ref';
import type { NoticeDeliveryReport } from '../../workflows/definitions/notice-delivery';
import { renderNotice, type NoticeFacts } from './templates';

/**
 * Where a notice's emails go that the database does not say: the municipal bureau's addresses (config). District
 * bureaus' are their `district_contacts`, an expert's and the finance officers' the officer directory's (`officers`).
 */
export interface NoticeDirectory {
  municipalEmails: readonly string[];
}

interface Recipient {
  address: string;
  locale: Locale;
  /** An officer's display name from the directory, to greet them by (a bureau's email greets the bureau). */
  name?: string;
}

/** The directory's officers get their notices in Chinese (the directory may keep a language later). */
const OFFICER_LOCALE: Locale = 'zh-CN';

/** One address's delivery of one notice: the outbox row's key, so no address gets a notice twice. */
export const dedupeKeyOf = (noticeKey: string, address: string): string => `${noticeKey}#${address.toLowerCase()}`;

/** A Message-ID derived from the dedupe key: a resend after a lost reply carries the same id. */
export const messageIdOf = (dedupeKey: string): string =>
  `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}@notices.parkflow>`;

/**
 * Resolves the recipients of each notice once and writes its outbox rows with the rendered email, in one
 * transaction per notice that locks it; a notice already resolved (rows written, or a final status) is left
 * alone, so a retried attempt never re-reads a directory that changed in between.
 */
export async function enqueueDeliveries(
  dataSource: DataSource,
  noticeKeys: string[],
  directory: NoticeDirectory,
): Promise<void> {
  for (const key of noticeKeys) {
    await dataSource.transaction(async (tx) => {
      const outbox = new NoticeOutboxRepository(tx);
      const notice = await outbox.lockNotice(key);
      if (!notice || notice.deliveryStatus !== 'inbox_only') return; // resolved by an earlier attempt
      const recipients = await recipientsOf(tx, notice, directory);
      if (recipients.length === 0) return outbox.setDeliveryStatus(key, 'no_contacts');
      await outbox.setDeliveryStatus(key, 'pending');
      for (const { address, locale, name } of recipients) {
        const dedupeKey = dedupeKeyOf(key, address);
        const email = renderNotice({ ...factsOf(notice), ...(name ? { recipientName: name } : {}) }, locale);
        await outbox.enqueue({
          dedupeKey,
          noticeKey: key,
          address,
          locale,
          subject: email.subject,
          body: email.text,
          messageId: messageIdOf(dedupeKey),
        });
      }
    });
  }
}

/**
 * The addresses of a notice, by its recipient: a district bureau's contacts, the municipal bureau's configured
 * addresses, the expert's own address, every finance officer's. None known: the notice is flagged `no_contacts`.
 */
async function recipientsOf(tx: Database, notice: NoticeToDeliver, directory: NoticeDirectory): Promise<Recipient[]> {
  const { recipient } = notice;
  const officers = new OfficersRepository(tx);
  const officerAddresses = (rows: Array<{ email: string; name: string | null }>): Recipient[] =>
    rows.map(({ email, name }) => ({ address: email, locale: OFFICER_LOCALE, ...(name ? { name } : {}) }));
  switch (recipient.role) {
    case 'municipal':
      return directory.municipalEmails.map((address) => ({ address, locale: OFFICER_LOCALE }));
    case 'district': {
      const contacts = await new DistrictsRepository(tx).contactsOf(recipient.district);
      return contacts.map(({ email, locale }) => ({ address: email, locale }));
    }
    case 'expert':
      return officerAddresses(await officers.addressesOf('expert', recipient.expertId));
    case 'finance':
      return officerAddresses(await officers.addressesOf('finance'));
  }
}

function factsOf(notice: NoticeToDeliver): NoticeFacts {
  return {
    key: notice.key,
    kind: notice.kind,
    recipientRole: notice.recipient.role,
    parkName: notice.parkName,
    district: notice.district,
    dueAt: notice.dueAt?.toISOString(),
    clause: notice.clause,
    message: notice.message,
  };
}

/**
 * Sends every pending outbox row of the notices, each in its own transaction that holds the row's lock for
 * the length of the SMTP transaction: a concurrent attempt (a retry racing a worker that has not let go yet)
 * skips the row instead of sending it a second time. A 5xx reply marks the row `failed`; any other error
 * leaves it pending for the next attempt. An abort rolls the row back untouched and ends the run.
 */
export async function sendPending(
  dataSource: DataSource,
  mailer: NoticeMailer,
  noticeKeys: string[],
  signal: AbortSignal,
  progress: () => void,
): Promise<NoticeDeliveryReport> {
  const outbox = new NoticeOutboxRepository(dataSource);
  for (const dedupeKey of await outbox.pendingDedupeKeys(noticeKeys)) {
    signal.throwIfAborted();
    await dataSource.transaction(async (tx) => {
      const locked = new NoticeOutboxRepository(tx);
      const email = await locked.claimPending(dedupeKey);
      if (!email) return;
      try {
        await mailer.send(
          { to: email.address, subject: email.subject, text: email.body, messageId: email.messageId },
          signal,
        );
        await locked.recordSent(dedupeKey);
      } catch (error) {
        if (signal.aborted) throw error;
        const status = isPermanentSmtpFailure(error) ? 'failed' : 'pending';
        await locked.recordFailedAttempt(dedupeKey, status, String((error as Error).message ?? error));
      }
      await locked.refreshDeliveryStatus(email.noticeKey);
    });
    progress();
  }
  return outbox.report(noticeKeys);
}

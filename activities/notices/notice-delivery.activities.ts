import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import {
  NOTICE_DELIVERY_PENDING,
  type NoticeDeliveryInput,
  type NoticeDeliveryReport,
} from '../../workflows/definitions/notice-delivery';
import type { NoticeMailer } from './mailer';
import { enqueueDeliveries, sendPending, type NoticeDirectory } from './outbox';

export interface NoticeDeliveryDeps extends NoticeDirectory {
  dataSource: DataSource;
  /** Absent when `SMTP_URL` is unset: notices then stay in the in-app inbox only. */
  mailer?: NoticeMailer;
}

/** The email side of notices: an outbox drained by a retried activity (see `outbox.ts`). */
export function createNoticeDeliveryActivities({ dataSource, mailer, municipalEmails }: NoticeDeliveryDeps) {
  return {
    /**
     * Delivers the notices `noticeKeys` by email, once per recipient address: resolves their recipients into
     * the outbox (once), sends what is still pending, and fails retryably
     * ({@link NOTICE_DELIVERY_PENDING}) while a transient failure remains, so Temporal retries with backoff.
     * Worker shutdown or cancellation aborts the SMTP transaction in flight.
     */
    async deliverNotices({ noticeKeys }: NoticeDeliveryInput): Promise<NoticeDeliveryReport> {
      if (!mailer) return { sent: 0, failed: 0, pending: 0 }; // no SMTP: the notices stay in the inbox only
      await enqueueDeliveries(dataSource, noticeKeys, { municipalEmails });
      const context = Context.current();
      const report = await sendPending(dataSource, mailer, noticeKeys, context.cancellationSignal, () =>
        context.heartbeat(),
      );
      if (report.pending > 0) {
        throw ApplicationFailure.retryable(
          `${report.pending} email(s) of notices ${noticeKeys.join(', ')} not delivered yet`,
          NOTICE_DELIVERY_PENDING,
        );
      }
      return report;
    },
  };
}

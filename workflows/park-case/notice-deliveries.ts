import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import { EMAILED_ROLES } from '../definitions/notice-delivery';
import type { Notice } from '../definitions/records';

// No maximum attempts: an SMTP server may be down for hours, and a notice must still arrive once it is back.
const { deliverNotices } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '6 hours' },
});

/**
 * The email delivery of a case's notices, beside the case: each change's notices (to every role of
 * {@link EMAILED_ROLES}: bureaus, experts, the finance desk) go to a `deliverNotices` activity, retried
 * with backoff until every address has its message or has refused it for good. The case does not wait for
 * it, except before its run ends (continue-as-new or completion), so no delivery is left behind. Failures
 * are kept on the outbox rows, where the API and ops see them.
 */
export class NoticeDeliveries {
  private readonly inFlight = new Set<Promise<void>>();

  /** Starts delivering one change's notices; returns at once. */
  start(notices: Notice[]): void {
    const noticeKeys = notices
      .filter((notice) => (EMAILED_ROLES as readonly string[]).includes(notice.recipient.role))
      .map((notice) => notice.key);
    if (noticeKeys.length === 0) return;
    const delivery = deliverNotices({ noticeKeys }).then(
      () => undefined,
      () => undefined, // cancelled with the run, or a bug: the rows stay pending, visible to ops
    );
    this.inFlight.add(delivery);
    void delivery.then(() => this.inFlight.delete(delivery));
  }

  /** True when no delivery of this run is still going. */
  idle(): boolean {
    return this.inFlight.size === 0;
  }
}

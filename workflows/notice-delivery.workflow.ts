import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, patched, proxyActivities, startChild } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { noticeDeliveryWorkflowId, type NoticeDeliveryInput, type NoticeDeliveryReport } from './definitions/notice-delivery';
import type { Notice } from './definitions/records';

// No maximum attempts: an SMTP server may be down for hours, and a notice must still arrive once it is back.
const { deliverNotices } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '6 hours' },
});

/**
 * Emails the notices one change of a case wrote (`notice-delivery-<eventId>`), retrying with backoff until
 * every address has its message or has refused it for good. The case never waits for it.
 */
export async function noticeDeliveryWorkflow(input: NoticeDeliveryInput): Promise<NoticeDeliveryReport> {
  return deliverNotices(input);
}

/**
 * Starts the email delivery of one change's notices from the case workflow, if any of them is for a bureau
 * (the finance desk and experts have no addresses: their notices stay in the inbox). Behind the
 * `notice-delivery` patch, so histories recorded before it replay without the child. The child is abandoned:
 * it outlives the run (continue-as-new) and the case goes on at once. Already started (a reset case replaying
 * the change): the running delivery covers it.
 */
export async function startNoticeDelivery(eventId: string, notices: Notice[]): Promise<void> {
  const noticeKeys = notices.filter((notice) => notice.recipient.role === 'district' || notice.recipient.role === 'municipal').map((notice) => notice.key);
  if (noticeKeys.length === 0 || !patched('notice-delivery')) return;
  try {
    await startChild(noticeDeliveryWorkflow, {
      workflowId: noticeDeliveryWorkflowId(eventId),
      args: [{ noticeKeys }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** Input of {@link noticeDeliveryWorkflow}: the notices one change of a case wrote. */
export interface NoticeDeliveryInput {
  noticeKeys: string[];
}

/** What one `deliverNotices` attempt achieved, per delivery row of its notices. */
export interface NoticeDeliveryReport {
  sent: number;
  failed: number;
  pending: number;
}

/** `ApplicationFailure.type` of a delivery attempt that left transient failures: retried with backoff. */
export const NOTICE_DELIVERY_PENDING = 'NoticeDeliveryPending';

/** The delivery of one change's notices: derived from the change's event id, so it is started once. */
export const noticeDeliveryWorkflowId = (eventId: string): string => `notice-delivery-${eventId}`;

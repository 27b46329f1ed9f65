/** Input of the `deliverNotices` activity: the notices one change of a case wrote. */
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

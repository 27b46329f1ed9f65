import type { OfficerRole } from './case';

/** The recipients whose notices also go out by email (finance and experts read theirs in the inbox only). */
export const EMAILED_ROLES = ['district', 'municipal'] as const satisfies readonly OfficerRole[];
export type EmailedRole = (typeof EMAILED_ROLES)[number];

/** The languages a notice's email is written in; zh-CN unless a district contact chose en. */
export const NOTICE_LOCALES = ['zh-CN', 'en'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];

/**
 * A notice's email delivery: inbox_only (no email), pending, delivered, partially_failed, failed, or no_contacts
 * (nobody to send to: flagged for the municipal bureau).
 */
export const DELIVERY_STATUSES = [
  'inbox_only',
  'pending',
  'delivered',
  'partially_failed',
  'failed',
  'no_contacts',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

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

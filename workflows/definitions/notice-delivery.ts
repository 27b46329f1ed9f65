import type { OfficerRole } from './case';

/**
 * The recipients whose notices also go out by email: every role (issue 20 item 2). District bureaus at their contact
 * addresses, the municipal bureau at its configured ones, an expert and every finance officer at the address the
 * officer directory knows; a recipient without one gets the inbox only (`no_contacts`).
 */
export const EMAILED_ROLES = ['district', 'municipal', 'expert', 'finance'] as const satisfies readonly OfficerRole[];
export type EmailedRole = (typeof EMAILED_ROLES)[number];

/**
 * How the officer directory learned what it holds of an officer: from their token when they signed in, or from the
 * identity provider's user list (`npm run officers -- import`).
 */
export const OFFICER_SOURCES = ['sign_in', 'import'] as const;
export type OfficerSource = (typeof OFFICER_SOURCES)[number];

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

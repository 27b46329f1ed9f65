import type { Actor, CaseSnapshot, PaymentKind } from './case';
import type { MessageRef } from './message-ref';

/** Who a notice is for: a district bureau, the municipal bureau, the finance desk, or one expert. */
export type NoticeRecipient =
  | { role: 'district'; district: string }
  | { role: 'municipal' }
  | { role: 'finance' }
  | { role: 'expert'; expertId: string };

export const NOTICE_KINDS = [
  'resubmission_reminder',
  'application_lapsed',
  'panel_invitation',
  'review_reminder',
  'review_overdue',
  'payment_confirmation_reminder',
  'annual_report_reminder',
  'annual_report_overdue',
  'evaluation_due',
  're_evaluation_due',
  'refund_reminder',
  'refund_escalated',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A reminder or notice, written once: `key` is its idempotency key. */
export interface Notice {
  key: string;
  caseId: string;
  kind: NoticeKind;
  recipient: NoticeRecipient;
  /** Policy date of what the notice is about (a deadline), if any. */
  dueAt?: string;
  /** Policy date the notice was issued. */
  issuedAt: string;
  /** The policy clause it executes, e.g. `§5.3 R-RPT-1`. */
  clause: string;
  /** Its text as a catalogue code (`notices.inbox.<kind>`) and parameters, rendered in each reader's language. */
  message: MessageRef;
}

/** One entry of the audit trail: an accepted officer action or a system event. `eventId` makes it idempotent. */
export interface AuditEntry {
  eventId: string;
  caseId: string;
  at: string;
  actor: Actor | { id: 'system'; role: 'system' };
  action: string;
  details: Record<string, unknown>;
}

/** The audit actions of a filing and of a resubmission: the changes that file an application. */
export const FILING_ACTIONS = ['application_filed', 'application_resubmitted'] as const;
/** Whether the audit action `action` filed an application. */
export const isFiling = (action: string): boolean => (FILING_ACTIONS as readonly string[]).includes(action);

/**
 * The case as a change record carries it (lean histories, issue 23 item 3): the application only in the change that
 * filed it; every other record refers to it by `submissionCount`, and the activity takes it from the read model. The
 * calendar is a reference already (`CaseSnapshot.calendar`).
 */
export type RecordedSnapshot = Omit<CaseSnapshot, 'application'> & { application?: CaseSnapshot['application'] };

/** Everything one change of a case writes to PostgreSQL, in one transaction. */
export interface CaseChange {
  snapshot: RecordedSnapshot;
  audit: AuditEntry;
  notices: Notice[];
  /** The case's `POLICY_TIME_SCALE`: tells when a policy deadline passes on the clock (absent: 1). */
  policyTimeScale?: number;
}

/** A payment instruction handed to the treasury; (caseId, paymentId) is its business key. */
export interface PaymentInstruction {
  caseId: string;
  paymentId: string;
  kind: PaymentKind;
  amount: number;
  district: string;
  instructedAt: string;
}

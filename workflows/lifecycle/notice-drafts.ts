import type { MessageCode } from '../../i18n/catalogue';
import type { CaseSnapshot } from '../definitions/case';
import { messageRef, type MessageParams } from '../definitions/message-ref';
import type { Notice, NoticeKind, NoticeRecipient } from '../definitions/records';

/** A notice as an action or a timer makes it: the workflow adds its case, its issue date and its key. */
export type NoticeDraft = Omit<Notice, 'caseId' | 'issuedAt' | 'key'>;

/** Who a notice is for, the deadline it is about (if any) and the policy clause it executes. */
export interface NoticeAbout {
  recipient: NoticeRecipient;
  dueAt?: string;
  clause: string;
}

/**
 * A notice of `kind` about the case's park. Its text is a code and parameters, never a sentence: `notices.inbox.<kind>`
 * (or `text`, that kind's wording for another moment) with the park's name, the deadline and `params`.
 */
export function noticeOf(
  state: Pick<CaseSnapshot, 'parkName'>,
  kind: NoticeKind,
  about: NoticeAbout,
  params: MessageParams = {},
  text: MessageCode = `notices.inbox.${kind}`,
): NoticeDraft {
  const deadline: MessageParams = about.dueAt ? { dueAt: about.dueAt } : {};
  return { kind, ...about, message: messageRef(text, { parkName: state.parkName, ...deadline, ...params }) };
}

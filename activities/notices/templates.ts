import type { MessageCode } from '../../i18n/catalogue';
import { translator } from '../../i18n/translator';
import type { OfficerRole } from '../../workflows/definitions/case';
import { civilDateOf, isEndOfDay, startOfDay } from '../../workflows/definitions/civil-date';
import type { Locale, MessageParams, MessageRef } from '../../workflows/definitions/message-ref';
import type { NoticeKind } from '../../workflows/definitions/records';

/** What one email says, gathered from the notice, its case, its district and its addressee. */
export interface NoticeFacts {
  key: string;
  kind: NoticeKind;
  recipientRole: OfficerRole;
  /** The addressee's display name, when the officer directory knows it (an expert is greeted by name). */
  recipientName?: string;
  parkName: string;
  district: { code: string; name: string; nameEn: string };
  /** The policy date of the deadline, if the notice has one. */
  dueAt?: string;
  clause: string;
  /**
   * The notice's inbox text (its code and parameters), carried in the body as the details, in the email's language;
   * absent for notices recorded before message codes (issue 20), whose emails carry no details.
   */
  message?: MessageRef;
}

export interface RenderedNotice {
  subject: string;
  text: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The Chongqing time of day an instant is shown with: a deadline on day D ends at `D 24:00` (R-CAL-1). */
function chongqingTimeOfDay(iso: string): string {
  if (isEndOfDay(iso)) return '24:00';
  const minutes = Math.floor((Date.parse(iso) - Date.parse(startOfDay(civilDateOf(iso)))) / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const render = (code: MessageCode, params: MessageParams, locale: Locale): string =>
  translator.translate({ code, params }, locale);

/**
 * A deadline in Chongqing time (UTC+8), computed by workflows/civil-date.ts. A deadline on day D ends at D 24:00
 * Chongqing (D 16:00 UTC) and reads `24:00` of D, the way the policy states it ("31 March"); other instants show
 * their hh:mm. The wording is the catalogues' (`notices.email.deadline`).
 */
export function formatDeadline(iso: string, locale: Locale): string {
  return render('notices.email.deadline', { at: iso, time: chongqingTimeOfDay(iso) }, locale);
}

/** Whom the email greets: the district's bureau, the municipal bureau, the expert (by name when known), finance. */
function addresseeOf(facts: NoticeFacts, districtName: string): MessageRef {
  switch (facts.recipientRole) {
    case 'district':
      return { code: 'notices.email.addressees.district', params: { districtName } };
    case 'expert':
      return facts.recipientName
        ? { code: 'notices.email.addressees.namedExpert', params: { name: facts.recipientName } }
        : { code: 'notices.email.addressees.expert' };
    case 'municipal':
    case 'finance':
      return { code: `notices.email.addressees.${facts.recipientRole}` };
  }
}

/** The email for one notice in one locale: subject and plain-text body (a pure function of the catalogues). */
export function renderNotice(facts: NoticeFacts, locale: Locale): RenderedNotice {
  const line = (code: MessageCode, params: MessageParams = {}): string => render(code, params, locale);
  const districtName = locale === 'zh-CN' ? facts.district.name : facts.district.nameEn;
  const deadline = facts.dueAt ? formatDeadline(facts.dueAt, locale) : undefined;
  const about = { kind: facts.kind, parkName: facts.parkName, districtName };
  return {
    subject: deadline
      ? line('notices.email.subjectWithDeadline', { ...about, deadline })
      : line('notices.email.subject', about),
    text: [
      line('notices.email.greeting', { addressee: addresseeOf(facts, districtName) }),
      '',
      line('notices.email.park', about),
      line('notices.email.district', { districtName, districtCode: facts.district.code }),
      line('notices.email.what', about),
      ...(facts.message ? [line('notices.email.details', { details: facts.message })] : []),
      ...(deadline ? [line('notices.email.deadlineLine', { deadline })] : []),
      line('notices.email.policy', { clause: facts.clause }),
      '',
      line('notices.email.footer', { key: facts.key }),
    ].join('\n'),
  };
}

import { civilDateOf, dueDateOf, endOfDay, partsOf, startOfDay } from '../../workflows/definitions/civil-date';
import type { EmailedRole, NoticeLocale } from '../../workflows/definitions/notice-delivery';
import type { NoticeKind } from '../../workflows/definitions/records';

/** What one email says, gathered from the notice, its case and its district. */
export interface NoticeFacts {
  key: string;
  kind: NoticeKind;
  recipientRole: EmailedRole;
  parkName: string;
  district: { code: string; name: string; nameEn: string };
  /** The policy date of the deadline, if the notice has one. */
  dueAt?: string;
  clause: string;
  /** The workflow's own wording (English), carried in the English text as the details. */
  message: string;
}

export interface RenderedNotice {
  subject: string;
  text: string;
}

const POLICY_DOCUMENT = { 'zh-CN': '渝人社发〔2019〕120号', en: 'Yu Ren She Fa [2019] No. 120' } as const;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Per kind: a title and what the recipient is asked to do, in each locale. */
const TEXTS: Record<NoticeKind, Record<NoticeLocale, { title: string; action: string }>> = {
  resubmission_reminder: {
    'zh-CN': { title: '申报材料补正提醒', action: '请在截止时间前提交补正后的申报材料，逾期未提交的，本次申报失效。' },
    en: {
      title: 'Corrected application due',
      action: 'Please file the corrected application before the deadline; otherwise the application lapses.',
    },
  },
  application_lapsed: {
    'zh-CN': { title: '申报已失效', action: '截止时间前未收到补正后的申报材料，本次申报已失效。' },
    en: {
      title: 'Application lapsed',
      action: 'No corrected application arrived before the deadline; the application has lapsed.',
    },
  },
  review_reminder: {
    'zh-CN': { title: '专家评审提醒', action: '请在截止时间前提交评审意见。' },
    en: { title: 'Expert review due', action: 'Please submit your review before the deadline.' },
  },
  review_overdue: {
    'zh-CN': { title: '专家评审期限届满', action: '评审期限已届满，仍有专家未提交评审意见，请更换专家后继续评审。' },
    en: {
      title: 'Review window closed',
      action: 'The review window closed with reviews missing; replace the expert(s) to continue.',
    },
  },
  payment_confirmation_reminder: {
    'zh-CN': { title: '补助资金拨付待确认', action: '补助资金已下达拨付指令，请确认到账情况。' },
    en: {
      title: 'Subsidy payment awaits confirmation',
      action: 'A subsidy payment was instructed; please confirm that it was paid.',
    },
  },
  annual_report_reminder: {
    'zh-CN': { title: '年度报告报送提醒', action: '请在截止时间前向市人力社保局报送园区上一年度建设发展情况报告。' },
    en: {
      title: 'Yearly report due',
      action:
        "Please send the park's yearly report on its construction " +
        'and development to the municipal bureau before the deadline.',
    },
  },
  annual_report_overdue: {
    'zh-CN': { title: '年度报告逾期未报', action: '报送截止时间已过，尚未收到园区年度建设发展情况报告，请尽快报送。' },
    en: {
      title: 'Yearly report overdue',
      action: "The deadline has passed and the park's yearly report has not arrived; please send it without delay.",
    },
  },
  evaluation_due: {
    'zh-CN': { title: '园区定期评估到期', action: '园区已到定期评估时间，请组织评估。' },
    en: {
      title: 'Periodic evaluation due',
      action: 'The park is due for its periodic evaluation; please carry it out.',
    },
  },
  re_evaluation_due: {
    'zh-CN': { title: '整改期限届满，请重新评估', action: '园区整改期限已届满，请组织重新评估。' },
    en: {
      title: 'Rectification deadline passed',
      action: "The park's rectification deadline has passed; please re-evaluate the park.",
    },
  },
  refund_reminder: {
    'zh-CN': { title: '补助资金退还提醒', action: '请在截止时间前退还应退的补助资金。' },
    en: { title: 'Subsidy refund due', action: 'Please refund the subsidy demanded before the deadline.' },
  },
  refund_escalated: {
    'zh-CN': { title: '补助资金退还逾期', action: '退还期限已过，补助资金仍未足额退还，请督促处理。' },
    en: {
      title: 'Subsidy refund overdue',
      action: 'The refund deadline has passed and the subsidy has not been refunded in full; please follow up.',
    },
  },
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** The Chongqing day an instant is shown on and its time of day: a deadline on day D ends at `D 24:00` (R-CAL-1). */
function chongqingDayAndTime(iso: string): { date: string; time: string } {
  const dueDate = dueDateOf(iso);
  if (Date.parse(endOfDay(dueDate)) === Date.parse(iso)) return { date: dueDate, time: '24:00' };
  const date = civilDateOf(iso);
  const minutes = Math.floor((Date.parse(iso) - Date.parse(startOfDay(date))) / 60_000);
  return { date, time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
}

/**
 * A deadline in Chongqing time (UTC+8), computed by workflows/civil-date.ts. A deadline on day D ends at D 24:00
 * Chongqing (D 16:00 UTC) and reads `24:00` of D, the way the policy states it ("31 March"); other instants show
 * their hh:mm.
 */
export function formatDeadline(iso: string, locale: NoticeLocale): string {
  const { date, time } = chongqingDayAndTime(iso);
  const { year, month, day } = partsOf(date);
  return locale === 'zh-CN'
    ? `${year}年${month}月${day}日 ${time}（北京时间）`
    : `${day} ${MONTHS_EN[month - 1]} ${year}, ${time} China Standard Time (UTC+8)`;
}

/** The email for one notice in one locale: subject and plain-text body (a pure function). */
export function renderNotice(facts: NoticeFacts, locale: NoticeLocale): RenderedNotice {
  const { title, action } = TEXTS[facts.kind][locale];
  const deadline = facts.dueAt ? formatDeadline(facts.dueAt, locale) : undefined;
  if (locale === 'zh-CN') {
    const addressee = facts.recipientRole === 'district' ? `${facts.district.name}人力社保局` : '市人力社保局';
    return {
      subject: `【${title}】${facts.parkName}（${facts.district.name}）${deadline ? `，截止 ${deadline}` : ''}`,
      text: [
        `${addressee}：`,
        '',
        `园区：${facts.parkName}`,
        `所在区县：${facts.district.name}（${facts.district.code}）`,
        `事项：${title}。${action}`,
        ...(deadline ? [`截止时间：${deadline}`] : []),
        `政策依据：${POLICY_DOCUMENT['zh-CN']} ${facts.clause}`,
        '',
        `本邮件由 parkflow 系统自动发送，请勿直接回复。通知编号：${facts.key}`,
      ].join('\n'),
    };
  }
  const addressee =
    facts.recipientRole === 'district'
      ? `the ${facts.district.nameEn} Human Resources and Social Security Bureau`
      : 'the Municipal Human Resources and Social Security Bureau';
  return {
    subject: `${title}: ${facts.parkName} (${facts.district.nameEn})${deadline ? `, due ${deadline}` : ''}`,
    text: [
      `To ${addressee},`,
      '',
      `Park: ${facts.parkName}`,
      `District: ${facts.district.nameEn} (${facts.district.code})`,
      `What: ${title}. ${action}`,
      `Details: ${facts.message}`,
      ...(deadline ? [`Deadline: ${deadline}`] : []),
      `Policy: ${POLICY_DOCUMENT.en}, ${facts.clause}`,
      '',
      `Sent automatically by parkflow; please do not reply. Notice ${facts.key}`,
    ].join('\n'),
  };
}

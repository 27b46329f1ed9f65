import type { NoticeKind } from '../../../workflows/definitions/records';

/**
 * Reminders and notices (§5.1–§5.3): the text an inbox shows for each notice (`inbox`, keyed by the notice's kind, with
 * the park, the deadline and what the kind needs as parameters) and the emails that carry them (`email`).
 */
export const notices = {
  /** The disbursements of §5.2 and R-SUB-3, by payment kind. */
  paymentKinds: {
    subsidy_tranche_1: '第一笔补助资金',
    subsidy_tranche_2: '第二笔补助资金',
    incubation_grant: '孵化基地补助资金',
  },
  inbox: {
    resubmission_reminder: '请于{{dueAt, day}}前提交{{parkName}}补正后的申报材料，逾期未提交的，本次申报失效',
    application_lapsed: '截至{{dueAt, day}}未收到{{parkName}}补正后的申报材料，本次申报已失效',
    panel_invitation: '您已被列入{{parkName}}认定申报的评审专家组，请于{{dueAt, day}}前提交评审意见',
    review_reminder: '请于{{dueAt, day}}前提交对{{parkName}}的评审意见',
    review_overdue:
      '{{parkName}}的专家评审期限（{{dueAt, day}}）已届满，尚有{{count}}位专家未提交评审意见（{{experts, list}}），' +
      '请更换专家后继续评审',
    payment_confirmation_reminder:
      '{{parkName}}的$t(notices.paymentKinds.{{paymentKind}}){{amount, cny}}（拨付编号{{paymentId}}）' +
      '确认期限为{{dueAt, day}}，至今尚未确认到账',
    annual_report_reminder: '请于{{dueAt, day}}前报送{{parkName}}{{year}}年度报告',
    annual_report_overdue: '{{parkName}}{{years, list}}年度报告尚未报送（最早一份应于{{dueAt, day}}前报送）',
    evaluation_due: '{{parkName}}定期考评已到期（{{dueAt, day}}），请组织考评',
    re_evaluation_due: '{{parkName}}整改期限（{{dueAt, day}}）已届满，请组织重新考评',
    refund_reminder: '{{parkName}}应退还补助资金{{amount, cny}}，请于{{dueAt, day}}前退还',
    refund_escalated: '{{parkName}}补助资金退还期限（{{dueAt, day}}）已过，尚有{{amount, cny}}未退还',
  } satisfies Record<NoticeKind, string>,
  /** The inbox text of a kind's notice once its deadline has passed, where it says something else then. */
  inboxAfterDeadline: {
    refund_reminder: '{{parkName}}尚有补助资金{{amount, cny}}未退还，退还期限{{dueAt, day}}已过',
  } satisfies Partial<Record<NoticeKind, string>>,
  email: {
    policyDocument: '渝人社发〔2019〕120号',
    /** A deadline in an email: the day and the time of day in Chongqing; a deadline on day D ends at D 24:00. */
    deadline: '{{at, day}} {{time}}（北京时间）',
    addressees: {
      district: '{{districtName}}人力社保局',
      municipal: '市人力社保局',
      expert: '评审专家',
      namedExpert: '评审专家{{name}}',
      finance: '市人力社保局财务处',
    },
    subject: '【$t(notices.email.kinds.{{kind}}.title)】{{parkName}}（{{districtName}}）',
    subjectWithDeadline:
      '【$t(notices.email.kinds.{{kind}}.title)】{{parkName}}（{{districtName}}），截止 {{deadline}}',
    greeting: '{{addressee}}：',
    park: '园区：{{parkName}}',
    district: '所在区县：{{districtName}}（{{districtCode}}）',
    what: '事项：$t(notices.email.kinds.{{kind}}.title)。$t(notices.email.kinds.{{kind}}.action)',
    details: '详情：{{details}}',
    deadlineLine: '截止时间：{{deadline}}',
    policy: '政策依据：$t(notices.email.policyDocument) {{clause}}',
    footer: '本邮件由 parkflow 系统自动发送，请勿直接回复。通知编号：{{key}}',
    /** Per kind: a title and what the recipient is asked to do. */
    kinds: {
      resubmission_reminder: {
        title: '申报材料补正提醒',
        action: '请在截止时间前提交补正后的申报材料，逾期未提交的，本次申报失效。',
      },
      application_lapsed: {
        title: '申报已失效',
        action: '截止时间前未收到补正后的申报材料，本次申报已失效。',
      },
      panel_invitation: {
        title: '评审专家邀请',
        action: '您已被列入该园区认定申报的评审专家组，请在截止时间前提交评审意见（必要性、可行性评分及是否推荐）。',
      },
      review_reminder: { title: '专家评审提醒', action: '请在截止时间前提交评审意见。' },
      review_overdue: {
        title: '专家评审期限届满',
        action: '评审期限已届满，仍有专家未提交评审意见，请更换专家后继续评审。',
      },
      payment_confirmation_reminder: {
        title: '补助资金拨付待确认',
        action: '补助资金已下达拨付指令，请确认到账情况。',
      },
      annual_report_reminder: {
        title: '年度报告报送提醒',
        action: '请在截止时间前向市人力社保局报送园区上一年度建设发展情况报告。',
      },
      annual_report_overdue: {
        title: '年度报告逾期未报',
        action: '报送截止时间已过，尚未收到园区年度建设发展情况报告，请尽快报送。',
      },
      evaluation_due: { title: '园区定期考评到期', action: '园区已到定期考评时间，请组织考评。' },
      re_evaluation_due: { title: '整改期限届满，请重新考评', action: '园区整改期限已届满，请组织重新考评。' },
      refund_reminder: { title: '补助资金退还提醒', action: '请在截止时间前退还应退的补助资金。' },
      refund_escalated: {
        title: '补助资金退还逾期',
        action: '退还期限已过，补助资金仍未足额退还，请督促处理。',
      },
    } satisfies Record<NoticeKind, { title: string; action: string }>,
  },
};

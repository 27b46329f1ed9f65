import { formatDeadline, renderNotice, type NoticeFacts } from '../../activities/notices/templates';

const reminder: NoticeFacts = {
  key: 'case-1:report:2026:reminder:0',
  kind: 'annual_report_reminder',
  recipientRole: 'district',
  parkName: '渝北人力资源服务产业园',
  district: { code: '500112', name: '渝北区', nameEn: 'Yubei District' },
  dueAt: '2027-03-31T16:00:00.000Z', // 1 April 00:00 in Chongqing: the end of 31 March
  clause: '§5.3 R-RPT-1',
  message: {
    code: 'notices.inbox.annual_report_reminder',
    params: { parkName: '渝北人力资源服务产业园', dueAt: '2027-03-31T16:00:00.000Z', year: 2026 },
  },
};

describe('notice email templates', () => {
  it('R-RPT-1 deadlines read in Chongqing time; a deadline at midnight is 24:00 of the day before', () => {
    expect(formatDeadline('2027-03-31T16:00:00.000Z', 'zh-CN')).toBe('2027年3月31日 24:00（北京时间）');
    expect(formatDeadline('2027-03-31T16:00:00.000Z', 'en')).toBe('31 March 2027, 24:00 China Standard Time (UTC+8)');
    expect(formatDeadline('2027-04-14T01:30:00.000Z', 'zh-CN')).toBe('2027年4月14日 09:30（北京时间）');
  });

  it('R-CAL-1 a rectification deadline 2027-06-30T16:00:00.000Z reads 24:00 of 30 June, not 00:00 of 1 July', () => {
    expect(formatDeadline('2027-06-30T16:00:00.000Z', 'zh-CN')).toBe('2027年6月30日 24:00（北京时间）');
    expect(formatDeadline('2027-06-30T16:00:00.000Z', 'en')).toBe('30 June 2027, 24:00 China Standard Time (UTC+8)');
    const rectification: NoticeFacts = {
      ...reminder,
      kind: 're_evaluation_due',
      recipientRole: 'municipal',
      dueAt: '2027-06-30T16:00:00.000Z',
      clause: '§5.3 R-EVL-1',
    };
    expect(renderNotice(rectification, 'zh-CN').subject).toBe(
      '【整改期限届满，请重新考评】渝北人力资源服务产业园（渝北区），截止 2027年6月30日 24:00（北京时间）',
    );
    expect(renderNotice(rectification, 'en').text).toContain(
      'Deadline: 30 June 2027, 24:00 China Standard Time (UTC+8)',
    );
  });

  it('R-CAL-1 an instant that ends no day keeps its Chongqing hh:mm, across the UTC day boundary too', () => {
    expect(formatDeadline('2027-06-30T15:59:00.000Z', 'en')).toBe('30 June 2027, 23:59 China Standard Time (UTC+8)');
    expect(formatDeadline('2027-06-30T16:01:30.000Z', 'zh-CN')).toBe('2027年7月1日 00:01（北京时间）');
    expect(formatDeadline('2027-12-31T23:00:00.000Z', 'en')).toBe('1 January 2028, 07:00 China Standard Time (UTC+8)');
  });

  it('R-RPT-1 the Chinese reminder names the park, district, what is due, its details, deadline and clause', () => {
    const { subject, text } = renderNotice(reminder, 'zh-CN');
    expect(subject).toBe('【年度报告报送提醒】渝北人力资源服务产业园（渝北区），截止 2027年3月31日 24:00（北京时间）');
    expect(text.split('\n')).toEqual([
      '渝北区人力社保局：',
      '',
      '园区：渝北人力资源服务产业园',
      '所在区县：渝北区（500112）',
      '事项：年度报告报送提醒。请在截止时间前向市人力社保局报送园区上一年度建设发展情况报告。',
      '详情：请于2027年3月31日前报送渝北人力资源服务产业园2026年度报告',
      '截止时间：2027年3月31日 24:00（北京时间）',
      '政策依据：渝人社发〔2019〕120号 §5.3 R-RPT-1',
      '',
      '本邮件由 parkflow 系统自动发送，请勿直接回复。通知编号：case-1:report:2026:reminder:0',
    ]);
  });

  it("R-RPT-1 the English variant says the same, the notice's details in English", () => {
    const { subject, text } = renderNotice(reminder, 'en');
    expect(subject).toBe(
      'Yearly report due: 渝北人力资源服务产业园 (Yubei District), ' +
        'due 31 March 2027, 24:00 China Standard Time (UTC+8)',
    );
    expect(text).toContain('To the Yubei District Human Resources and Social Security Bureau,');
    expect(text).toContain('Details: the 2026 yearly report of 渝北人力资源服务产业园 is due by 31 March 2027');
    expect(text).toContain('Policy: Yu Ren She Fa [2019] No. 120, §5.3 R-RPT-1');
  });

  it('R-RPT-1 the overdue notice to the municipal bureau is addressed to it', () => {
    const { subject, text } = renderNotice(
      { ...reminder, kind: 'annual_report_overdue', recipientRole: 'municipal' },
      'zh-CN',
    );
    expect(subject).toMatch(/^【年度报告逾期未报】/);
    expect(text.split('\n')[0]).toBe('市人力社保局：');
  });

  it('issue 20: an expert is greeted by name when known, and invited to a panel; finance as the desk', () => {
    const invitation: NoticeFacts = {
      ...reminder,
      kind: 'panel_invitation',
      recipientRole: 'expert',
      clause: '§5.1',
      message: {
        code: 'notices.inbox.panel_invitation',
        params: { parkName: reminder.parkName, dueAt: reminder.dueAt! },
      },
    };
    const named = renderNotice({ ...invitation, recipientName: '张伟' }, 'zh-CN');
    expect(named.subject).toMatch(/^【评审专家邀请】渝北人力资源服务产业园/);
    expect(named.text.split('\n')[0]).toBe('评审专家张伟：');
    expect(renderNotice(invitation, 'zh-CN').text.split('\n')[0]).toBe('评审专家：');
    expect(renderNotice({ ...invitation, recipientName: 'Zhang Wei' }, 'en').text.split('\n')[0]).toBe(
      'To Zhang Wei, panel expert,',
    );
    const payment = { ...reminder, kind: 'payment_confirmation_reminder' as const, recipientRole: 'finance' as const };
    expect(renderNotice(payment, 'zh-CN').text.split('\n')[0]).toBe('市人力社保局财务处：');
  });

  it('a notice without a deadline leaves the deadline out; one recorded before message codes has no details', () => {
    const { subject, text } = renderNotice(
      { ...reminder, kind: 'evaluation_due', dueAt: undefined, clause: '§5.3 R-EVL-1', message: undefined },
      'en',
    );
    expect(subject).toBe('Periodic evaluation due: 渝北人力资源服务产业园 (Yubei District)');
    expect(text).not.toContain('Deadline:');
    expect(text).not.toContain('Details:');
  });
});

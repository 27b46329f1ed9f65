/** The console's case page (案件详情): stage, deadlines, timeline, payments, refund, notices. */
export const consoleCase = {
  back: '返回工作台',
  stage: '当前阶段',
  district: '所在区县',
  openedAt: '申报时间',
  deadlines: '期限',
  noDeadlines: '当前没有待办期限',
  deadlineKind: '事项',
  remaining: '剩余时间',
  deficiencies: '需补正的问题',
  noDeficiencies: '无',
  flags: '提示事项（原则上应达到的要求）',
  notFound: '未找到该案件，或您无权查看。',
};

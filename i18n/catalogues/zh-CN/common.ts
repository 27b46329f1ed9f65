/**
 * Names shared by many texts: stages, roles, deadline kinds, park kinds, calendar days (the policy's own terms,
 * 渝人社发〔2019〕120号).
 */
export const common = {
  stages: {
    draft: '草稿',
    submitted: '已申报',
    returned: '已退回',
    lapsed: '已失效',
    accepted: '已受理',
    under_review: '专家评审中',
    rejected: '未予认定',
    designated: '已认定',
    rectifying: '整改中',
    revoked: '已取消授牌',
    closed: '已办结',
  },
  roles: {
    district: '区县人力社保局',
    municipal: '市人力社保局',
    expert: '评审专家',
    finance: '财务',
  },
  deadlineKinds: {
    resubmission: '补正申报',
    review: '专家评审',
    payment_confirmation: '拨付确认',
    annual_report: '年度报告',
    evaluation: '考评',
    rectification: '整改',
    refund: '退还补助资金',
  },
  /** R-APP-9: what kind of park it is (§1 区域性、专业性), e.g. in the published list. */
  parkKinds: {
    regional: '区域性',
    specialised: '专业性',
  },
  /** R-CAL-3: the days `GET /v1/calendar` lists. */
  calendarDayKinds: {
    rest: '休息日',
    working: '调休上班日',
  },
};

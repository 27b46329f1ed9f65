import { consoleActions } from './console-actions';
import { consoleApplication } from './console-application';
import { consoleCase } from './console-case';
import { consoleDocuments } from './console-documents';
import { consoleLists } from './console-lists';
import { consolePark } from './console-park';

/** The officers' console's own texts (issue 21); the names of stages, roles and deadlines come from `common`. */
export const consoleTexts = {
  title: '市级人力资源服务产业园工作台',
  language: { label: '语言', 'zh-CN': '中文', en: 'English' },
  signIn: {
    heading: '经办人登录',
    lead: '请使用市人力社保局统一身份认证账号登录。',
    button: '统一身份认证登录',
    working: '正在登录…',
    failed: '登录未完成：{{reason}}',
    notConfigured: '本环境未配置统一身份认证（AUTH_ISSUER），无法登录工作台。',
  },
  casePage: consoleCase,
  documents: consoleDocuments,
  actions: consoleActions,
  application: consoleApplication,
  lists: consoleLists,
  park: consolePark,
  signOut: '退出登录',
  workbench: {
    inbox: '通知与提醒',
    unread: '未读 {{count, number}} 条',
    noNotifications: '暂无通知',
    cases: '产业园案件',
    noCases: '暂无案件',
    more: '加载更多',
  },
  deadline: {
    daysLeft: '剩余 {{count, number}} 天',
    dueToday: '今天截止',
    overdue: '已逾期 {{count, number}} 天',
    shifted: '原截止日{{from, day}}为{{reason}}，顺延至{{to, day}}（R-CAL-3）',
    provisional: '暂定：该年度节假日安排尚未公布，按法定节假日计算，公布后可能顺延（R-CAL-3）',
  },
  day: '{{at, day}}',
  loadFailed: '数据加载失败：{{message}}',
  retry: '重试',
  devSignIn: {
    heading: '开发环境登录',
    lead: '请选择一位演示经办人登录（仅用于开发环境，不校验密码）。',
  },
};

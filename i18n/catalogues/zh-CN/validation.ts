/**
 * 422 `validation_failed` (api-contract "Errors"): one text per failed field, naming it (`{{field}}`) and, where the
 * message said so before, the policy rule. The generic texts are keyed by class-validator's constraint name
 * (`isInt`, `max`, …); the others are the specific wording a DTO asks for (`context: { code }`).
 */
export const validation = {
  /** The summary `message` of a 422: the fields that failed. */
  request: '请求内容有误：{{fields, list}}',
  /** `field` of a check applied to each item of an array (`@IsIn(…, { each: true })`). */
  eachItemOf: '{{field}} 的每一项',
  isInt: '{{field}}：须为整数',
  isNumber: '{{field}}：须为有限的数值',
  isString: '{{field}}：须为字符串',
  isBoolean: '{{field}}：须为 true 或 false',
  isObject: '{{field}}：须为对象',
  isArray: '{{field}}：须为数组',
  isNotEmpty: '{{field}}：不能为空',
  isIn: '{{field}}：须为以下值之一：{{allowed, list}}',
  min: '{{field}}：不能小于 {{min, number}}',
  max: '{{field}}：不能大于 {{max, number}}',
  minLength: '{{field}}：长度不能少于 {{min}} 个字符',
  maxLength: '{{field}}：长度不能超过 {{max}} 个字符',
  arrayMinSize: '{{field}}：至少须有 {{min}} 项',
  arrayMaxSize: '{{field}}：至多只能有 {{max}} 项',
  arrayUnique: '{{field}}：各项不能重复',
  matches: '{{field}}：格式不正确',
  isEmail: '{{field}}：须为有效的电子邮件地址',
  isUrl: '{{field}}：须为有效的网址',
  isUuid: '{{field}}：须为 UUID',
  nestedValidation: '{{field}}：须为对象或对象数组',
  whitelistValidation: '{{field}}：不是可接受的字段',
  unknownValue: '请求内容须为 JSON 对象',
  /** A constraint without a text of its own. */
  invalid: '{{field}}：取值无效',
  isChongqingDay: '{{field}}：须为{{what}}（{{rule}}）',
  /** The `what` of `isChongqingDay`. */
  days: {
    calendarDay: '真实存在的日历日期 YYYY-MM-DD',
    letterDay: '函件日期，即真实存在的日历日期 YYYY-MM-DD',
    issueDay: '印发日期，即真实存在的日历日期 YYYY-MM-DD',
    rectifyBy: '重庆日期 YYYY-MM-DD（真实存在的日历日期），整改期限至该日24:00（重庆时间）止',
  },
  isDayOrInstant:
    '{{field}}：须为重庆日期 YYYY-MM-DD，或带时区偏移的 ISO 8601 日期时间，例如 2027-03-31T16:00:00Z（R-CAL-1）',
  isUnifiedSocialCreditCode: '{{field}}：须为18位统一社会信用代码，且第18位校验码符合 GB 32100-2015',
  /** R-APP-9: the specialism of a specialised park, the description of an `other` form of private capital. */
  specialism:
    '{{field}}：专业性园区须写明所服务的行业或服务领域（不能为空，至多{{max}}个字符），区域性园区不填（{{rule}}）',
  capitalDescription:
    '{{field}}：民间资本以其他方式参与的，须说明具体方式（不能为空，至多{{max}}个字符），其他情形不填（{{rule}}）',
  knownDistrict: '{{field}}：须为已知的区县代码（见 GET /v1/districts）',
  distinctEmails: '{{field}}：电子邮件地址不能重复',
  officerIds: '{{field}}：每一项须为工作人员标识（字母、数字或 . _ @ -，至多100个字符）',
  nulCharacter: '{{field}}：不能包含空字符（U+0000）',
  nestedTooDeep: '{{field}}：数组和对象的嵌套不能超过 {{max}} 层',
  cursor: '{{field}}：不是本列表返回的游标；请原样使用上一页的 nextCursor',
  toBeforeFrom: '{{field}}：不能早于 from',
  /** `GET /v1/calendar`: a range longer than one answer covers. */
  calendarSpan: '{{field}}：至多为 from 之后 {{max}} 天（{{rule}}）',
  idempotencyKey: '{{field}}：须为1至200个可打印 ASCII 字符；每项操作使用唯一的值，例如 UUID',
};

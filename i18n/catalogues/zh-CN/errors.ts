import type { OfficerActionName } from '../../../workflows/definitions/officer-actions';

/**
 * The API's refusals and failures (api-contract "Errors"): 401, 403, 404, 405, 409, 422, 429, 503 and 500, and what
 * it says of an action whose outcome is still pending (202). A stage is named by its code beside its name.
 */
export const errors = {
  notFound: '未找到{{what}}',
  things: {
    case: '案件 {{caseId}}',
    /** A `:caseId` that is no case id at all. */
    someCase: '该案件',
    action: '案件 {{caseId}} 的操作 {{updateId}}',
    district: '区县 {{district}}',
  },
  internal: '发生意外错误，已记录，请稍后重试',
  /** Answers the framework gives by status (an unknown route, a body the JSON parser refuses, …). */
  status: {
    bad_request: '请求无法解析（例如请求体不是有效的 JSON）',
    unauthorized: '需要身份验证',
    forbidden: '无权办理此项操作',
    not_found: '未找到所请求的资源',
    method_not_allowed: '该资源不支持此请求方法',
    conflict: '与案件当前状态冲突',
    payload_too_large: '请求体过大',
    unsupported_media_type: '不支持该媒体类型或字符集',
    validation_failed: '请求内容有误',
    too_many_requests: '请求过于频繁，请稍后重试',
    service_unavailable: '服务暂不可用，请稍后重试',
    other: '请求未能处理（HTTP {{status}}）',
  },
  methodNotAllowed: '{{path}} 不支持 {{method}} 方法；支持的方法：{{allowed}}',
  /** 409 `invalid_stage`; `action` is one of {@link errors.actions}. */
  invalidStage:
    '当前阶段：{{stage}}（$t(common.stages.{{stage}})），不能办理“{{action}}”；可办理的阶段：{{allowed, list}}',
  /** The case counts as in `stage` already, for `reason`. */
  invalidStageBecause: '当前阶段：{{stage}}（$t(common.stages.{{stage}})），不能办理“{{action}}”：{{reason}}',
  invalidStageHere: '当前阶段：{{stage}}（$t(common.stages.{{stage}})），不能办理“{{action}}”',
  caseEnded: '案件已结束，当前阶段：{{stage}}（$t(common.stages.{{stage}})），不能办理“{{action}}”',
  caseEndedStageUnknown: '案件已结束（当前阶段：ended），不能办理“{{action}}”',
  filingEnded: '以此 Idempotency-Key 申报的案件 {{caseId}} 已结束；GET /v1/cases/{{caseId}} 可查看该案件',
  actionFailed: '该操作未能完成',
  /** Every officer action by the name the bureau gives it (workflows/definitions/officer-actions.ts). */
  actions: {
    submitApplication: '提交申报材料',
    acceptance: '受理审查',
    formPanel: '组建评审专家组',
    submitReview: '提交评审意见',
    departmentOpinion: '登记相关部门意见',
    designation: '认定决定',
    incubationBase: '认定孵化基地',
    confirmPayment: '确认补助资金拨付',
    annualReport: '报送年度报告',
    evaluation: '考评',
    refundPayment: '登记退还补助资金',
    refundWriteOff: '核销未退还的补助资金',
    attachDocument: '上传材料',
  } satisfies Record<OfficerActionName, string>,
  /** 401: the bearer token and the token rule it breaks (api-contract "Identity"). */
  tokenRefused: '访问令牌被拒绝：{{reason}}（{{rule}}）',
  token: {
    required: '需要访问令牌（Authorization: Bearer <JWT>）',
    malformed: '访问令牌不是格式正确的已签名 JWT',
    expired: '令牌已过期（exp 已过，且超出允许的时钟偏差）',
    algorithm: '令牌的签名算法不被本接口接受',
    algorithmRefused: '不接受以 {{alg}} 签名的令牌；本接口接受：{{accepted, list}}',
    hs256InProduction: '生产环境不接受 HS256 令牌；本接口接受：{{accepted, list}}',
    signature: '令牌签名验证未通过',
    unknownKey: '令牌的签名密钥不在签发方公布的密钥之中',
    expMissing: '令牌缺少 exp',
    expNotNumber: '令牌的 exp 不是以秒计的数值',
    notYetValid: '令牌尚未生效（nbf 晚于当前时间）',
    issuedInFuture: '令牌的签发时间晚于当前时间（iat 超前）',
    lifetime: '令牌有效期超过 {{seconds}} 秒（AUTH_MAX_TOKEN_LIFETIME）',
    issuer: '令牌不是由 {{issuer}} 签发的',
    hs256Issuer: 'HS256 令牌只能由 {{issuer}} 签发',
    audience: '令牌的受众不是 {{audience}}',
    subject: '令牌缺少主体（sub）',
    subjectClaim: '令牌缺少主体（声明 {{claim}}）',
    subjectTooLong: '令牌主体超过 {{max}} 个字符',
    claim: '令牌声明 {{claim}} 无效',
    roleMissing: '令牌的角色（声明 {{claim}}）须为以下之一：{{roles, list}}',
    severalRoles: '令牌同时授予多个角色（声明 {{claim}} 中的 {{roles, list}}），只能有一个',
    district: '区县令牌须在声明 {{claim}} 中给出一个已知的区县代码（见 GET /v1/districts）',
  },
  /** 403. */
  roleMayNot: '角色 {{role}}（$t(common.roles.{{role}})）无权办理此项操作；可办理的角色：{{allowed, list}}',
  ownDistrictCases: '区县人力社保局只能查看本区县（{{district}}）的案件',
  ownDistrictFiling: '区县人力社保局只能为本区县（{{own}}）申报，不能为 {{other}} 申报',
  mustBeOwnDistrict: '须为 {{district}}，即本区县的代码',
  mustBeOwnDistrictOrAbsent: '须为 {{district}} 或不填',
  /** 409 / 422 of an `Idempotency-Key`. */
  idempotencyInProgress: '使用 {{header}}“{{key}}”的首次请求仍在处理中，请稍后重试',
  idempotencyKeyReused: '{{header}}“{{key}}”已用于另一项请求',
  idempotencyKeyReusedHint: '同一个键只能用于相同的方法、路径和请求内容',
  /** 429. */
  rateLimited: '{{officer}}（$t(common.roles.{{role}})）的请求过于频繁，请 {{seconds}} 秒后重试',
  /** 503: nothing was applied. */
  unavailable: '{{reason}}；未办理任何操作，请 {{seconds}} 秒后重试',
  outage: {
    temporalUnreachable: '无法连接 Temporal（{{address}}）',
    temporalTimeout: 'Temporal（{{address}}）未能及时应答',
    postgresUnreachable: '无法连接 PostgreSQL',
    identityUnreachable: '无法连接身份认证服务（{{detail}}）',
  },
  noWorker: '没有 parkflow 工作进程在轮询任务队列“{{taskQueue}}”，操作未发送；请在工作进程运行后重试',
  notReady: '服务未就绪：{{checks, list}} 不可用',
  checkFailed: '检查未通过：{{reason}}',
  noWorkerPolled: '最近 {{seconds}} 秒内没有 parkflow 工作进程轮询任务队列“{{taskQueue}}”',
  /** Temporal saw workers poll, but none of them has said it is alive lately (they died, or are stopping). */
  workerSilent: '轮询任务队列“{{taskQueue}}”的 parkflow 工作进程最近 {{seconds}} 秒内均未报告存活：已退出或正在停止',
  /** A readiness check that did not answer within its time. */
  checkTimedOut: '{{seconds}} 秒内未应答',
  /** 202: the action's outcome is still pending (not a refusal: the same kind of notice about an action). */
  pending: {
    accepted:
      '操作已受理并已持久保存，但其后续处理（如向国库提交拨付）超过了 {{waitedMs}} 毫秒；' +
      'GET /v1/cases/{{caseId}}/actions/{{updateId}} 可查询结果',
    sent:
      '操作已发送，但 {{waitedMs}} 毫秒内没有工作进程应答：结果尚不可知（仍可能被办理或被拒绝）；' +
      'GET /v1/cases/{{caseId}}/actions/{{updateId}} 可查询结果',
    filing:
      '申报已作为案件 {{caseId}} 发送，但 {{waitedMs}} 毫秒内没有工作进程应答：结果尚不可知；' +
      '工作进程处理后，GET /v1/cases/{{caseId}} 可查看该案件，GET /v1/cases/{{caseId}}/actions/{{updateId}} ' +
      '可查询结果，使用同一 Idempotency-Key 重试将针对同一案件作答',
  },
};

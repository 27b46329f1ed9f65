import type { ApiPropertyOptions, SchemaObject } from '@nestjs/swagger';
import { PARK_KINDS, PRIVATE_CAPITAL_FORMS } from '../../workflows/definitions/application';
import {
  DEADLINE_KINDS,
  DEPARTMENT_POSITIONS,
  EVALUATION_OUTCOMES,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  REFUND_STATUSES,
  REVOCATION_GROUNDS,
} from '../../workflows/definitions/case';

/** The OpenAPI schemas of the case view's nested parts (`GET /v1/cases/{caseId}`), stated as the API answers them. */
export const obj = (properties: Record<string, SchemaObject>, required = Object.keys(properties)): SchemaObject => ({
  type: 'object',
  properties,
  required,
});
/** A raw schema as a property's options (swagger's option types do not admit every valid schema). */
export const prop = (...parts: SchemaObject[]): ApiPropertyOptions => Object.assign({}, ...parts) as ApiPropertyOptions;
export const nullable = (schema: SchemaObject, description?: string): SchemaObject => ({
  ...schema,
  nullable: true,
  ...(description ? { description } : {}),
});
export const enumOf = (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] });
export const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
export const str: SchemaObject = { type: 'string' };
export const date: SchemaObject = { type: 'string', format: 'date-time' };
const int: SchemaObject = { type: 'integer' };
const bool: SchemaObject = { type: 'boolean' };

/** R-CAL-3: how a deadline's day was set — moved off a rest day, and from which and why; provisional. */
export const DEADLINE_DAY_MARKS = {
  shiftedFrom: nullable(
    { type: 'string', format: 'date', example: '2027-10-01' },
    'R-CAL-3: the day the period ended on, a rest day, from which the deadline moved to dueDate (null: not moved)',
  ),
  reason: nullable({ ...str, example: '国庆节', description: 'R-CAL-3: why it moved: the holiday, or 周六 / 周日' }),
  provisional: {
    type: 'boolean',
    description:
      "R-CAL-3: true when its year's holiday arrangement is not published: the law-fixed holidays decided the day, " +
      'which may move (never earlier) when the arrangement arrives',
  },
} satisfies Record<string, SchemaObject>;

/** R-CAL-1: a deadline on day D (`dueDate`) ends at D 24:00 Chongqing (`dueAt`). */
export const DEADLINE = obj({
  kind: enumOf(DEADLINE_KINDS),
  dueDate: {
    type: 'string',
    format: 'date',
    example: '2027-03-31',
    description: 'the Chongqing day the deadline falls on (R-CAL-1)',
  },
  dueAt: {
    ...date,
    example: '2027-03-31T16:00:00.000Z',
    description: 'the end of dueDate, 24:00 Chongqing = 16:00 UTC, exclusive: an action at or after it is late',
  },
  ...DEADLINE_DAY_MARKS,
  calendarVersion: nullable(
    { ...str, example: 'chinese-days@1.5.7' },
    'R-CAL-3: the holiday data that decided the day (null: a case whose run began before R-CAL-3)',
  ),
});
/** A text in the reader's language (Accept-Language), from the code the workflow stored. */
const readersText: SchemaObject = { type: 'string', description: "in the reader's language (Accept-Language)" };
export const DEFICIENCY = obj(
  { rule: { ...str, example: 'R-APP-3' }, message: readersText, field: { ...str, example: 'agencies' } },
  ['rule', 'message'],
);
export const WAIVER = obj({
  reason: { ...str, example: '园区二期8,500平方米场地已签约，2027年6月前交付使用' },
  rules: arrayOf({ ...str, example: 'R-APP-4' }),
  at: date,
  by: { ...str, description: 'the municipal officer who accepted' },
});
export const DESIGNATION = obj({
  certificateNo: str,
  designatedAt: date,
  subsidyAmount: int,
  reason: str,
  firstReportingYear: {
    ...int,
    example: 2027,
    description: 'R-RPT-5: the designation year if designated by 30 June (Chongqing), else the next year',
  },
});
export const PAYMENT = obj(
  {
    paymentId: str,
    kind: enumOf(PAYMENT_KINDS),
    amount: int,
    status: enumOf(PAYMENT_STATUSES),
    instructedAt: date,
    confirmBy: date,
    paidAt: date,
    bankReference: str,
  },
  ['paymentId', 'kind', 'amount', 'status', 'instructedAt', 'confirmBy'],
);
export const REVIEW = obj(
  { expertId: str, necessity: int, feasibility: int, recommend: bool, comments: str, submittedAt: date },
  ['expertId', 'necessity', 'feasibility', 'recommend', 'submittedAt'],
);
/** R-REV-3: a department's opinion, recorded by the municipal bureau beside the experts' reviews. */
export const DEPARTMENT_OPINION = obj({
  department: { ...str, example: '市财政局' },
  position: { ...enumOf(DEPARTMENT_POSITIONS), description: 'support (支持), conditional (有条件支持), object (反对)' },
  opinion: str,
  date: { type: 'string', format: 'date', example: '2026-12-10', description: 'the Chongqing day of the opinion' },
  recordedAt: date,
  recordedBy: { ...str, description: 'the municipal officer who recorded it' },
});
/** R-APP-9: what kind of park it is; `specialism` only with specialised. */
export const PARK_KIND = obj({ kind: enumOf(PARK_KINDS), specialism: { ...str, example: '数字经济人力资源服务' } }, [
  'kind',
]);
/** R-APP-9: how private capital takes part, and the operator; `description` only with other. */
export const PRIVATE_CAPITAL = obj(
  {
    form: { ...enumOf(PRIVATE_CAPITAL_FORMS), description: '独资, 合资, 参股, 联营, 等方式 (other), 无 (none)' },
    operator: { ...str, example: '重庆某某产业园运营管理有限公司' },
    description: str,
  },
  ['form', 'operator'],
);
/** §5.1: the closed review's means and votes, once every panel member has reviewed. */
export const REVIEW_SUMMARY = obj({
  closedAt: date,
  meanNecessity: { type: 'number' },
  meanFeasibility: { type: 'number' },
  recommendFor: int,
  recommendAgainst: int,
});
/** R-SUB-2: the five headings, plus `other` (the policy says the subsidy is *mainly* for them). */
const SUBSIDY_USE = obj(
  { rent: int, renovation: int, propertyManagement: int, publicFacilities: int, operations: int, other: int },
  ['rent', 'renovation', 'propertyManagement', 'publicFacilities', 'operations'],
);
export const REPORT = obj({
  year: int,
  agencies: int,
  revenue: int,
  staff: int,
  floorAreaSqm: int,
  subsidyUse: SUBSIDY_USE,
  submittedAt: date,
  dueAt: date,
  late: bool,
});
export const FINDING = obj({ rule: str, year: int, message: readersText });
export const EVALUATION = obj(
  {
    outcome: enumOf(EVALUATION_OUTCOMES),
    findings: str,
    decidedAt: date,
    rectifyBy: { ...date, description: 'rectify only: the end of the ordered Chongqing day (R-CAL-1)' },
    grounds: {
      ...arrayOf(enumOf(REVOCATION_GROUNDS)),
      description: 'revoke only: 经营不善, 有名无实, 造成其他恶劣影响 (R-EVL-2)',
    },
    refundAmount: int,
    reportFindings: arrayOf(FINDING),
  },
  ['outcome', 'findings', 'decidedAt', 'reportFindings'],
);
const WRITE_OFF = obj({ amount: int, reason: str, at: date, by: str });
export const REFUND_DEMAND = obj({
  amount: int,
  paidAmount: int,
  dueAt: date,
  status: enumOf(REFUND_STATUSES),
  writeOff: nullable(WRITE_OFF, 'R-PAY-1: the unpaid rest the municipal bureau wrote off, with its reason'),
});

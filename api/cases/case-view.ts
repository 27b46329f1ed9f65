import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { chongqingYear, dueDateOf } from '../../workflows/definitions/civil-date';
import {
  CASE_STAGES,
  DEADLINE_KINDS,
  EVALUATION_OUTCOMES,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  REFUND_STATUSES,
  REVOCATION_GROUNDS,
  type CaseSnapshot,
  type Deadline,
  type Designation,
  type RefundDemand,
  type Waiver,
  type Actor,
} from '../../workflows/definitions/case';
import { OFFICER_ACTION_NAMES, type OfficerActionName } from '../../workflows/definitions/officer-actions';
import { allowedActions } from '../../workflows/definitions/allowed-actions';
import {
  deficiencyView,
  evaluationView,
  findingView,
  type DeficiencyView,
  type EvaluationView,
  type FindingView,
} from './stored-texts';

const obj = (properties: Record<string, SchemaObject>, required = Object.keys(properties)): SchemaObject => ({
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
const enumOf = (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] });
const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
const str: SchemaObject = { type: 'string' };
const date: SchemaObject = { type: 'string', format: 'date-time' };
const int: SchemaObject = { type: 'integer' };
const bool: SchemaObject = { type: 'boolean' };

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
  shiftedFrom: nullable(
    { type: 'string', format: 'date', example: '2027-10-01' },
    'R-CAL-3: the day the period ended on, a rest day, from which the deadline moved to dueDate (null: not moved)',
  ),
  reason: nullable({ ...str, example: '国庆节', description: 'R-CAL-3: why it moved: the holiday, or 周六 / 周日' }),
  calendarVersion: nullable(
    { ...str, example: 'chinese-days@1.5.7' },
    'R-CAL-3: the holiday data that decided the day (null: a case whose run began before R-CAL-3)',
  ),
});
/** A text in the reader's language (Accept-Language), from the code the workflow stored. */
const readersText: SchemaObject = { type: 'string', description: "in the reader's language (Accept-Language)" };
const DEFICIENCY = obj(
  { rule: { ...str, example: 'R-APP-3' }, message: readersText, field: { ...str, example: 'agencies' } },
  ['rule', 'message'],
);
const WAIVER = obj({
  reason: { ...str, example: '园区二期8,500平方米场地已签约，2027年6月前交付使用' },
  rules: arrayOf({ ...str, example: 'R-APP-4' }),
  at: date,
  by: { ...str, description: 'the municipal officer who accepted' },
});
const DESIGNATION = obj({
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
const PAYMENT = obj(
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
const REVIEW = obj(
  { expertId: str, necessity: int, feasibility: int, recommend: bool, comments: str, submittedAt: date },
  ['expertId', 'necessity', 'feasibility', 'recommend', 'submittedAt'],
);
/** §5.1: the closed review's means and votes, once every panel member has reviewed. */
const REVIEW_SUMMARY = obj({
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
const REPORT = obj({
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
const FINDING = obj({ rule: str, year: int, message: readersText });
const EVALUATION = obj(
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
const REFUND_DEMAND = obj({
  amount: int,
  paidAmount: int,
  dueAt: date,
  status: enumOf(REFUND_STATUSES),
  writeOff: nullable(WRITE_OFF, 'R-PAY-1: the unpaid rest the municipal bureau wrote off, with its reason'),
});

/** A deadline as the API shows it: always with its Chongqing day (R-CAL-1), and where and why it moved (R-CAL-3). */
export type DeadlineView = Required<Pick<Deadline, 'kind' | 'dueDate' | 'dueAt'>> & {
  shiftedFrom: string | null;
  reason: string | null;
  calendarVersion: string | null;
};
type RefundDemandView = Omit<RefundDemand, 'payments' | 'writeOff'> & {
  writeOff: NonNullable<RefundDemand['writeOff']> | null;
};

/**
 * `GET /v1/cases/{caseId}` and the answer to every officer action (api-contract "Resources"); dates are policy dates.
 */
export class CaseView {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty({ enum: CASE_STAGES })
  stage!: string;
  @ApiProperty({ example: '500112' })
  district!: string;
  @ApiProperty({ example: '渝北人力资源服务产业园' })
  parkName!: string;
  @ApiProperty(prop(arrayOf(DEADLINE), { description: 'what the case waits on, earliest first' }))
  deadlines!: DeadlineView[];
  @ApiProperty(prop(arrayOf(DEFICIENCY), { description: 'R-APP-1..3, 6..8 deficiencies of the latest filing (§5.1)' }))
  deficiencies!: DeficiencyView[];
  @ApiProperty(prop(arrayOf(DEFICIENCY), { description: 'R-APP-4/5 (*in principle*) shortfalls: no reason to return' }))
  flags!: DeficiencyView[];
  @ApiProperty(prop(nullable(WAIVER, 'R-APP-4/5: why the municipal bureau accepted the application despite its flags')))
  waiver!: Waiver | null;
  @ApiProperty({ example: 1 })
  submissionCount!: number;
  @ApiProperty({ type: String, nullable: true })
  returnReason!: string | null;
  @ApiProperty(prop({ type: 'object', nullable: true, description: 'the application as last filed' }))
  application!: CaseSnapshot['application'];
  @ApiProperty(
    prop(obj({ expertIds: arrayOf(str), formedAt: date, reviewDueAt: date, summary: nullable(REVIEW_SUMMARY) }), {
      nullable: true,
    }),
  )
  panel!: { expertIds: string[]; formedAt: string; reviewDueAt: string; summary: CaseSnapshot['reviewSummary'] } | null;
  @ApiProperty(prop(arrayOf(REVIEW)))
  reviews!: NonNullable<CaseSnapshot['panel']>['reviews'];
  @ApiProperty(prop(nullable(DESIGNATION)))
  designation!: Required<Designation> | null;
  @ApiProperty(prop(obj({ reason: str, decidedAt: date }), { nullable: true }))
  rejection!: CaseSnapshot['rejection'];
  @ApiProperty(prop(arrayOf(PAYMENT)))
  payments!: CaseSnapshot['payments'];
  @ApiProperty(prop(arrayOf(REPORT)))
  reports!: CaseSnapshot['reports'];
  @ApiProperty(prop(arrayOf(FINDING), { description: 'report checks against the targets (R-RPT-2..4)' }))
  findings!: FindingView[];
  @ApiProperty(prop(arrayOf(EVALUATION)))
  evaluations!: EvaluationView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextEvaluationDue!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'end of the ordered day (R-CAL-1)' })
  rectifyBy!: string | null;
  @ApiProperty(prop(nullable(REFUND_DEMAND)))
  refundDemand!: RefundDemandView | null;
  @ApiProperty(
    prop(arrayOf(enumOf(OFFICER_ACTION_NAMES)), {
      description:
        'the officer actions the caller may take now: the stage and role of the one table of officer actions, ' +
        'and what the case must hold for each',
    }),
  )
  allowedActions!: OfficerActionName[];
  @ApiProperty(prop(date))
  openedAt!: string;
  @ApiProperty(prop(date))
  updatedAt!: string;
}

/**
 * R-RPT-5: cases designated before the rule carry no first reporting year; the workflow counts theirs from the
 * designation year (workflows/lifecycle/reports.ts `firstReportYear`), and so does the view.
 */
const designationView = (d: Designation): Required<Designation> => ({
  ...d,
  firstReportingYear: d.firstReportingYear ?? chongqingYear(d.designatedAt),
});

/** Snapshots written before R-CAL-1 have no `dueDate`: it is the Chongqing day whose end is `dueAt`. */
export const deadlineView = (d: Deadline): DeadlineView => ({
  kind: d.kind,
  dueDate: d.dueDate ?? dueDateOf(d.dueAt),
  dueAt: d.dueAt,
  shiftedFrom: d.shiftedFrom ?? null,
  reason: d.reason ?? null,
  calendarVersion: d.calendarVersion ?? null,
});

const refundDemandView = ({ amount, paidAmount, dueAt, status, writeOff }: RefundDemand): RefundDemandView => ({
  amount,
  paidAmount,
  dueAt,
  status,
  writeOff: writeOff ?? null,
});

/** The case as `actor` sees it: the snapshot's view, with the actions they may take now. */
export function toCaseView(s: CaseSnapshot, actor: Actor): CaseView {
  return {
    caseId: s.caseId,
    stage: s.stage,
    district: s.district,
    parkName: s.parkName,
    deadlines: s.deadlines.map(deadlineView),
    deficiencies: s.deficiencies.map(deficiencyView),
    flags: (s.flags ?? []).map(deficiencyView),
    waiver: s.waiver ?? null,
    submissionCount: s.submissionCount,
    returnReason: s.returnReason,
    application: s.application,
    panel: s.panel && {
      expertIds: s.panel.expertIds,
      formedAt: s.panel.formedAt,
      reviewDueAt: s.panel.reviewDueAt,
      summary: s.reviewSummary,
    },
    reviews: s.panel?.reviews ?? [],
    designation: s.designation && designationView(s.designation),
    rejection: s.rejection,
    payments: s.payments,
    reports: s.reports,
    findings: s.findings.map(findingView),
    evaluations: s.evaluations.map(evaluationView),
    nextEvaluationDue: s.nextEvaluationDue,
    rectifyBy: s.rectifyBy,
    refundDemand: s.refundDemand && refundDemandView(s.refundDemand),
    allowedActions: allowedActions(s, actor),
    openedAt: s.openedAt,
    updatedAt: s.updatedAt,
  };
}

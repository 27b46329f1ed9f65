import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CASE_STAGES, DEADLINE_KINDS, type CaseSnapshot } from '../../workflows/definitions/case';

const obj = (properties: Record<string, SchemaObject>, required = Object.keys(properties)): SchemaObject => ({ type: 'object', properties, required });
/** A raw schema as a property's options (swagger's option types do not admit every valid schema). */
const prop = (...parts: SchemaObject[]): ApiPropertyOptions => Object.assign({}, ...parts) as ApiPropertyOptions;
const str: SchemaObject = { type: 'string' };
const date: SchemaObject = { type: 'string', format: 'date-time' };
const int: SchemaObject = { type: 'integer' };
const DEADLINE = obj({ kind: { type: 'string', enum: [...DEADLINE_KINDS] }, dueAt: date });
const DEFICIENCY = obj({ rule: { ...str, example: 'R-APP-3' }, message: str });
const PAYMENT = obj({
  paymentId: str, kind: { type: 'string', enum: ['subsidy_tranche_1', 'subsidy_tranche_2', 'incubation_grant'] }, amount: int,
  status: { type: 'string', enum: ['instructed', 'paid'] }, instructedAt: date, confirmBy: date, paidAt: date, bankReference: str,
}, ['paymentId', 'kind', 'amount', 'status', 'instructedAt', 'confirmBy']);
const REVIEW = obj({ expertId: str, necessity: int, feasibility: int, recommend: { type: 'boolean' }, comments: str, submittedAt: date }, ['expertId', 'necessity', 'feasibility', 'recommend', 'submittedAt']);
const REPORT = obj({ year: int, agencies: int, revenue: int, staff: int, floorAreaSqm: int, subsidyUse: { type: 'object' }, submittedAt: date, dueAt: date, late: { type: 'boolean' } });
const FINDING = obj({ rule: str, year: int, message: str });
const EVALUATION = obj({ outcome: { type: 'string', enum: ['renew', 'rectify', 'revoke'] }, findings: str, decidedAt: date, rectifyBy: date, refundAmount: int, reportFindings: { type: 'array', items: FINDING } }, ['outcome', 'findings', 'decidedAt', 'reportFindings']);
const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });

/** `GET /v1/cases/{caseId}` and the answer to every officer action (api-contract "Resources"); dates are policy dates. */
export class CaseView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: CASE_STAGES }) stage!: string;
  @ApiProperty({ example: '500112' }) district!: string;
  @ApiProperty({ example: '渝北人力资源服务产业园' }) parkName!: string;
  @ApiProperty(prop(arrayOf(DEADLINE), { description: 'what the case waits on, earliest first' })) deadlines!: CaseSnapshot['deadlines'];
  @ApiProperty(prop(arrayOf(DEFICIENCY), { description: 'R-APP-1..7 deficiencies of the latest filing' })) deficiencies!: CaseSnapshot['deficiencies'];
  @ApiProperty({ example: 1 }) submissionCount!: number;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
  @ApiProperty(prop({ type: 'object', nullable: true, description: 'the application as last filed' })) application!: CaseSnapshot['application'];
  @ApiProperty(prop(obj({ expertIds: arrayOf(str), formedAt: date, reviewDueAt: date, summary: { type: 'object', nullable: true } }), { nullable: true }))
  panel!: { expertIds: string[]; formedAt: string; reviewDueAt: string; summary: CaseSnapshot['reviewSummary'] } | null;
  @ApiProperty(prop(arrayOf(REVIEW))) reviews!: NonNullable<CaseSnapshot['panel']>['reviews'];
  @ApiProperty(prop(obj({ certificateNo: str, designatedAt: date, subsidyAmount: int, reason: str }), { nullable: true })) designation!: CaseSnapshot['designation'];
  @ApiProperty(prop(obj({ reason: str, decidedAt: date }), { nullable: true })) rejection!: CaseSnapshot['rejection'];
  @ApiProperty(prop(arrayOf(PAYMENT))) payments!: CaseSnapshot['payments'];
  @ApiProperty(prop(arrayOf(REPORT))) reports!: CaseSnapshot['reports'];
  @ApiProperty(prop(arrayOf(FINDING), { description: 'report checks against the targets (R-RPT-2..4)' })) findings!: CaseSnapshot['findings'];
  @ApiProperty(prop(arrayOf(EVALUATION))) evaluations!: CaseSnapshot['evaluations'];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextEvaluationDue!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rectifyBy!: string | null;
  @ApiProperty(prop(obj({ amount: int, paidAmount: int, dueAt: date, status: { type: 'string', enum: ['open', 'settled', 'escalated'] } }), { nullable: true }))
  refundDemand!: Omit<NonNullable<CaseSnapshot['refundDemand']>, 'payments'> | null;
  @ApiProperty(prop(date)) openedAt!: string;
  @ApiProperty(prop(date)) updatedAt!: string;
}

export function toCaseView(s: CaseSnapshot): CaseView {
  return {
    caseId: s.caseId,
    stage: s.stage,
    district: s.district,
    parkName: s.parkName,
    deadlines: s.deadlines,
    deficiencies: s.deficiencies,
    submissionCount: s.submissionCount,
    returnReason: s.returnReason,
    application: s.application,
    panel: s.panel && { expertIds: s.panel.expertIds, formedAt: s.panel.formedAt, reviewDueAt: s.panel.reviewDueAt, summary: s.reviewSummary },
    reviews: s.panel?.reviews ?? [],
    designation: s.designation,
    rejection: s.rejection,
    payments: s.payments,
    reports: s.reports,
    findings: s.findings,
    evaluations: s.evaluations,
    nextEvaluationDue: s.nextEvaluationDue,
    rectifyBy: s.rectifyBy,
    refundDemand: s.refundDemand && { amount: s.refundDemand.amount, paidAmount: s.refundDemand.paidAmount, dueAt: s.refundDemand.dueAt, status: s.refundDemand.status },
    openedAt: s.openedAt,
    updatedAt: s.updatedAt,
  };
}

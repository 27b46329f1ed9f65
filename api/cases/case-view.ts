import { ApiProperty } from '@nestjs/swagger';
import { chongqingYear, dueDateOf } from '../../workflows/definitions/civil-date';
import type { ParkKind, PrivateCapital } from '../../workflows/definitions/application';
import {
  CASE_STAGES,
  type CaseSnapshot,
  type DepartmentOpinion,
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

import {
  obj,
  prop,
  nullable,
  enumOf,
  arrayOf,
  str,
  date,
  DEADLINE,
  DEFICIENCY,
  DEPARTMENT_OPINION,
  PARK_KIND,
  PRIVATE_CAPITAL,
  WAIVER,
  DESIGNATION,
  PAYMENT,
  REVIEW,
  REVIEW_SUMMARY,
  REPORT,
  FINDING,
  EVALUATION,
  REFUND_DEMAND,
} from './case-view.schemas';

/** A deadline as the API shows it: always with its Chongqing day (R-CAL-1), and where and why it moved (R-CAL-3). */
export type DeadlineView = Required<Pick<Deadline, 'kind' | 'dueDate' | 'dueAt'>> & {
  shiftedFrom: string | null;
  reason: string | null;
  /** R-CAL-3: true when its year's arrangement is not published (the law-fixed holidays decided the day). */
  provisional: boolean;
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
  @ApiProperty(prop(nullable(PARK_KIND, 'R-APP-9: the kind of park the application states; null: not stated')))
  parkKind!: ParkKind | null;
  @ApiProperty(prop(nullable(PRIVATE_CAPITAL, 'R-APP-9: how private capital takes part; null: not stated')))
  privateCapital!: PrivateCapital | null;
  @ApiProperty(
    prop(obj({ expertIds: arrayOf(str), formedAt: date, reviewDueAt: date, summary: nullable(REVIEW_SUMMARY) }), {
      nullable: true,
    }),
  )
  panel!: { expertIds: string[]; formedAt: string; reviewDueAt: string; summary: CaseSnapshot['reviewSummary'] } | null;
  @ApiProperty(prop(arrayOf(REVIEW)))
  reviews!: NonNullable<CaseSnapshot['panel']>['reviews'];
  @ApiProperty(prop(arrayOf(DEPARTMENT_OPINION), { description: 'R-REV-3: beside the reviews, in the order recorded' }))
  departmentOpinions!: DepartmentOpinion[];
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

/** R-CAL-3: how a deadline's day was set, every mark stated (null or false when it does not apply). */
export const dayMarksView = (d: Pick<Deadline, 'shiftedFrom' | 'reason' | 'provisional'>) => ({
  shiftedFrom: d.shiftedFrom ?? null,
  reason: d.reason ?? null,
  provisional: d.provisional === true,
});

/** Snapshots written before R-CAL-1 have no `dueDate`: it is the Chongqing day whose end is `dueAt`. */
export const deadlineView = (d: Deadline): DeadlineView => ({
  kind: d.kind,
  dueDate: d.dueDate ?? dueDateOf(d.dueAt),
  dueAt: d.dueAt,
  ...dayMarksView(d),
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
    parkKind: s.application?.parkKind ?? null,
    privateCapital: s.application?.privateCapital ?? null,
    panel: s.panel && {
      expertIds: s.panel.expertIds,
      formedAt: s.panel.formedAt,
      reviewDueAt: s.panel.reviewDueAt,
      summary: s.reviewSummary,
    },
    reviews: s.panel?.reviews ?? [],
    departmentOpinions: s.departmentOpinions ?? [],
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

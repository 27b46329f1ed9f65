import type { CaseSnapshot } from '../../workflows/definitions/case';

/** `GET /v1/cases/{caseId}` (api-contract "Resources"). */
export interface CaseView {
  caseId: string;
  stage: string;
  district: string;
  parkName: string;
  deadlines: CaseSnapshot['deadlines'];
  deficiencies: CaseSnapshot['deficiencies'];
  submissionCount: number;
  returnReason: string | null;
  application: CaseSnapshot['application'];
  panel: { expertIds: string[]; formedAt: string; reviewDueAt: string; summary: CaseSnapshot['reviewSummary'] } | null;
  reviews: NonNullable<CaseSnapshot['panel']>['reviews'];
  designation: CaseSnapshot['designation'];
  rejection: CaseSnapshot['rejection'];
  payments: CaseSnapshot['payments'];
  reports: CaseSnapshot['reports'];
  findings: CaseSnapshot['findings'];
  evaluations: CaseSnapshot['evaluations'];
  nextEvaluationDue: string | null;
  rectifyBy: string | null;
  refundDemand: Omit<NonNullable<CaseSnapshot['refundDemand']>, 'payments'> | null;
  openedAt: string;
  updatedAt: string;
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

import type { CaseSnapshot } from '../../workflows/definitions/case';

/** `GET /v1/cases/{caseId}` (api-contract "Resources"); parts the lifecycle has not reached yet are empty. */
export interface CaseView {
  caseId: string;
  stage: string;
  district: string;
  parkName: string;
  deadlines: CaseSnapshot['deadlines'];
  deficiencies: CaseSnapshot['deficiencies'];
  submissionCount: number;
  application: CaseSnapshot['application'];
  panel: null;
  reviews: [];
  designation: null;
  payments: [];
  reports: [];
  evaluations: [];
  refundDemand: null;
  openedAt: string;
  updatedAt: string;
}

export function toCaseView(snapshot: CaseSnapshot): CaseView {
  return {
    caseId: snapshot.caseId,
    stage: snapshot.stage,
    district: snapshot.district,
    parkName: snapshot.parkName,
    deadlines: snapshot.deadlines,
    deficiencies: snapshot.deficiencies,
    submissionCount: snapshot.submissionCount,
    application: snapshot.application,
    panel: null,
    reviews: [],
    designation: null,
    payments: [],
    reports: [],
    evaluations: [],
    refundDemand: null,
    openedAt: snapshot.openedAt,
    updatedAt: snapshot.updatedAt,
  };
}

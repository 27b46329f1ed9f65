import type { DocumentPurpose } from './documents';

/**
 * The one policy configuration: every number the policy (渝人社发〔2019〕120号) fixes, and every value that
 * `policy.md` marks *default*, lives here and nowhere else. Workflows receive it in their input so a bureau
 * can change a default for new cases without touching workflow code.
 */
export interface PolicyConfig {
  /** R-APP-3 / R-RPT-4 (§4.3): minimum resident HR-service agencies. */
  minAgencies: number;
  /** R-APP-4 / R-RPT-4 (§4.2): minimum floor area in m². */
  minFloorAreaSqm: number;
  /** R-APP-7 / R-RPT-2 (§4.3): first operating year HR-service revenue, CNY. */
  firstYearRevenueCny: number;
  /** R-APP-7 / R-RPT-3 (§4.3): revenue by the third year, CNY. */
  thirdYearRevenueCny: number;
  /** R-SUB-1 (§5.2): subsidy range, CNY. */
  subsidyMinCny: number;
  subsidyMaxCny: number;
  /** R-SUB-3 (§5.2): one-time incubation-base grant, CNY. */
  incubationGrantCny: number;
  /** default (§5.1): days a returned application may be resubmitted before it lapses. */
  resubmissionWindowDays: number;
  /** default: days before the resubmission deadline on which the district is reminded. */
  resubmissionReminderDaysBefore: number[];
  /** default (§5.1): expert panel size. */
  panelMinExperts: number;
  panelMaxExperts: number;
  /** default (§5.1): days the panel has to review, and reminders to missing reviewers before the end. */
  reviewWindowDays: number;
  reviewReminderDaysBefore: number[];
  /**
   * default (§5.2): the subsidy's tranches as shares of the award: tranche 1 = ⌊amount × share⌋ on designation,
   * tranche 2 = the rest on the first reporting year's report (R-RPT-5).
   */
  subsidyTrancheShares: [number, number];
  /**
   * default (R-RPT-5): a park designated on or before this month/day has its designation year as first reporting year.
   */
  firstReportingYearCutoffMonth: number;
  firstReportingYearCutoffDay: number;
  /** default (R-RPT-3): the three-year revenue target is judged over this many first reporting years. */
  revenueTargetYears: number;
  /** default (§5.2): days finance has to confirm a disbursement before it is reminded (then weekly). */
  paymentConfirmationDays: number;
  /** default (§5.3, R-RPT-1): the report for year N is due on this month/day of year N+1. */
  reportDueMonth: number;
  reportDueDay: number;
  /** default (§5.3): reminders to the district before the report deadline, in days. */
  reportReminderDaysBefore: number[];
  /** default (§5.3): after the deadline, the overdue notice repeats every this many days. */
  overdueRepeatDays: number;
  /**
   * default (§5.3, R-EVL-2): the periodic evaluation falls this many years after designation or the latest renewal.
   */
  evaluationIntervalYears: number;
  /** default (§5.3, R-REF-1): days a refund demand gives the district, and reminders before it. */
  refundWindowDays: number;
  refundReminderDaysBefore: number[];
  /** §3 programme target: about this many designated parks across the city by the end of the target year. */
  programmeTargetParks: number;
  programmeTargetYear: number;
  /**
   * default (R-DOC-1, §5.1 提交…等材料): the papers an application needs on the case before the bureau may accept it —
   * the district government's letter (R-APP-1), the feasibility report (R-APP-2), the roster of agencies (R-APP-3).
   */
  documentsRequiredAtAcceptance: DocumentPurpose[];
}

/** The policy as `policy.md` states it, with this project's defaults. */
export const DEFAULT_POLICY: PolicyConfig = {
  minAgencies: 15,
  minFloorAreaSqm: 8000,
  firstYearRevenueCny: 300_000_000,
  thirdYearRevenueCny: 1_000_000_000,
  subsidyMinCny: 1_000_000,
  subsidyMaxCny: 3_000_000,
  incubationGrantCny: 600_000,
  resubmissionWindowDays: 30,
  resubmissionReminderDaysBefore: [7, 1],
  panelMinExperts: 3,
  panelMaxExperts: 7,
  reviewWindowDays: 14,
  reviewReminderDaysBefore: [7, 1],
  subsidyTrancheShares: [0.5, 0.5],
  firstReportingYearCutoffMonth: 6,
  firstReportingYearCutoffDay: 30,
  revenueTargetYears: 3,
  paymentConfirmationDays: 14,
  reportDueMonth: 3,
  reportDueDay: 31,
  reportReminderDaysBefore: [30, 7, 1],
  overdueRepeatDays: 7,
  evaluationIntervalYears: 3,
  refundWindowDays: 60,
  refundReminderDaysBefore: [30, 7, 1],
  programmeTargetParks: 5,
  programmeTargetYear: 2022,
  documentsRequiredAtAcceptance: ['district_government_letter', 'feasibility_report', 'agency_roster'],
};

/** The four supporting service functions of R-APP-5 (§4.2). */
export const SERVICE_FUNCTIONS = [
  'social_security',
  'employment_entrepreneurship',
  'personnel_talent',
  'property_management',
] as const;
export type ServiceFunction = (typeof SERVICE_FUNCTIONS)[number];

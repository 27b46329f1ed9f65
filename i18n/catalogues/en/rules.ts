import type { CatalogueOf } from '../../catalogue-shape';
import type { rules as reference } from '../zh-CN/rules';

export const rules: CatalogueOf<typeof reference> = {
  serviceFunctions: {
    social_security: 'social security',
    employment_entrepreneurship: 'employment & entrepreneurship',
    personnel_talent: 'personnel & talent',
    property_management: 'property management',
  },
  feasibilityParts: {
    functionalPositioning: 'functional positioning',
    serviceSystem: 'service system',
    operatingModel: 'operating model',
    developmentPlan: 'development plan',
  },
  deficiencies: {
    governmentLetterMissing: "the district government's letter (区县人民政府函件) is missing",
    feasibilityReportMissing: 'the planning & feasibility report (建设规划论证报告) is missing',
    feasibilityPartMissing: 'the feasibility report does not state its $t(rules.feasibilityParts.{{part}}) ({{part}})',
    duplicateCreditCodes: 'the roster lists {{count}} agency credit code(s) more than once',
    tooFewAgencies: 'the roster has {{distinct}} distinct resident agencies; at least {{min}} are required',
    floorAreaBelow:
      'floor area is {{area}} m²; at least {{min}} m² in principle (原则上): a waiver reason is needed to accept it',
    serviceFunctionsMissing:
      'supporting service functions missing: {{missing, terms(prefix: rules.serviceFunctions)}} ' +
      '(in principle, 原则上: a waiver reason is needed to accept it)',
    operatingOfficeStaffMissing: 'the operating office names no staff member',
    firstYearRevenueBelow: 'projected first-year revenue {{projected, cny}} is below {{min, cny}}',
    thirdYearRevenueBelow: 'projected third-year revenue {{projected, cny}} is below {{min, cny}}',
    supportMeasuresMissing:
      "the district's measures promoting the park (促进园区建设发展的政策措施) name no issued document",
    returnedAtAcceptance: 'returned at acceptance: {{reason}}',
  },
  findings: {
    reportNotSubmitted: 'the report for {{year}} was not submitted',
    firstYearRevenueBelow: 'revenue of the first reporting year ({{revenue, cny}}) is below {{min, cny}}',
    tooFewAgencies: '{{agencies}} resident agencies, fewer than {{min}}',
    floorAreaBelow: 'floor area {{area}} m² is below {{min}} m²',
    threeYearRevenueBelow: 'no revenue of the reporting years {{first}}–{{last}} reaches {{target, cny}}',
    threeYearRevenueBelowReportsMissing:
      'no revenue of the reporting years {{first}}–{{last}} reaches {{target, cny}} ({{missing}} report(s) missing)',
  },
  documentPurposes: {
    district_government_letter: 'the district government’s letter (区县人民政府函件)',
    feasibility_report: 'the planning and feasibility report (建设规划论证报告)',
    agency_roster: 'the roster of resident agencies (入驻机构名录)',
    support_measure: 'a support measure (扶持措施文件)',
    annual_report: 'the yearly report’s papers (年度报告材料)',
    rectification_report: 'the rectification report (整改报告)',
    refund_receipt: 'the refund’s bank slip (退款银行回单)',
    other: 'another paper',
  },
  refusals: {
    reasonRequired: 'a reason is required',
    reviewNotClosed: 'the expert review has not closed: every panel member must submit first',
    subsidyOutOfRange: 'designation needs a subsidy of {{min, cny}}–{{max, cny}} (integer)',
    incubationGrantPaidOnce: 'the park is already recognised; the incubation-base grant is paid at most once',
    rectifyByRequired: 'a rectification order needs a deadline: a Chongqing day, YYYY-MM-DD',
    notAChongqingDay: "must be a Chongqing day written YYYY-MM-DD, not '{{value}}'",
    notAnIsoDate: 'must be an ISO date',
    rectifyByNotFuture: 'the rectification deadline must be a future day ({{earliest}} or later)',
    rectifyByRestDay: '{{day}} is a rest day ({{reason}}): a deadline falls on a working day, e.g. {{instead}}',
    groundsRequired: 'a revocation states one or more grounds: {{allowed, list}}',
    groundsUnknown: 'unknown ground(s) {{unknown, list}}; allowed: {{allowed, list}}',
    groundsRepeated: 'each ground is stated once',
    findingsRequired: 'the evaluation states its findings',
    fieldOnlyWithOutcome: "{{field}} is given only with outcome '{{only}}', not '{{outcome}}'",
    refundAmountOutOfRange:
      'a refund is a positive integer no larger than the {{ceiling, cny}} of subsidy tranches paid or in flight',
    districtMismatch: 'the application names district {{named}}, but case {{caseId}} belongs to {{district}}',
    returnReasonRequired: 'a reason is required when the application is not accepted',
    waiverReasonRequired:
      'the application falls short of {{rules, list}} (in principle): accepting it needs a waiver reason',
    waiverReasonUnexpected: 'a waiver reason is given only when accepting an application with R-APP-4/5 flags',
    unknownPayment: 'case {{caseId}} has no payment {{paymentId}}',
    paymentAlreadyConfirmed: 'payment {{paymentId}} is already confirmed; no payment is made twice',
    bankReferenceRequired: 'the bank reference is required',
    noOpenRefundDemand: 'there is no open refund demand',
    refundPaymentOutOfRange: 'a refund payment is a positive integer up to the {{outstanding, cny}} outstanding',
    noRefundDemandToWriteOff: 'there is no open refund demand to write off',
    writeOffBeforeEscalation: 'the refund demand is written off only once escalated, after its deadline {{dueAt, day}}',
    writeOffReasonRequired: 'a write-off states its reason',
    reportYearBeforeFirst: 'the first reporting year of this park is {{first}}; no report is due for {{year}}',
    reportYearRevoked:
      'the park was revoked in {{revokedIn}}: no report is due for {{year}} (only for the years before {{revokedIn}})',
    reportYearNotEnded: 'the report for {{year}} can be filed once the year has ended (from {{from, day}}, Chongqing)',
    reportAlreadySubmitted: 'the report for {{year}} was already submitted',
    panelClosed: 'the review has closed; the panel can no longer change',
    expertsNotDistinct: 'experts must be distinct',
    panelSize: 'a panel has {{min}}–{{max}} experts, not {{count}}',
    reviewedExpertsStay: 'experts who have reviewed stay on the panel: {{experts, list}}',
    notOnPanel: "expert {{expertId}} is not on this case's panel",
    alreadyReviewed: 'each expert reviews once; this expert already has',
    scoreOutOfRange: 'must be an integer from 0 to 100',
    departmentRequired: 'must name the department giving the opinion',
    opinionRequired: 'must state the department’s opinion',
    opinionDateAfterToday: 'the opinion’s date must be a Chongqing day no later than today ({{today, day}})',
    objectionUnanswered:
      '{{departments, list}} objected to the park: the designation’s reason must answer it, naming the department',
    financeUploadsReceiptsOnly:
      'the finance desk uploads only the bank slips (refund_receipt) of a revoked park’s refund',
    documentAlreadyRecorded: 'this document is already recorded on the case',
    rosterOnlyForRoster: 'only an agency roster (agency_roster) carries roster rows',
    replacesUnknownDocument:
      'must name a document of this case with the same purpose ($t(rules.documentPurposes.{{purpose}})) to replace',
    documentNotOnCase: 'document {{documentId}} is not a document of this case',
    paperMissing: '$t(rules.documentPurposes.{{purpose}}) has not been uploaded to the case (§5.1 materials)',
    rosterLacksAgency: 'the uploaded roster does not list {{name}} ({{code}}) as the application names it',
    rosterAgencyNotFiled: 'the uploaded roster lists {{name}} ({{code}}), which the application’s agencies do not',
    resubmissionWindowClosed: 'the resubmission window (§5.1) closed on {{dueAt, day}}',
  },
};

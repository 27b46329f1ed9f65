import type { MessageCode } from '../i18n/catalogue';
import type { Deficiency, ParkApplication } from './definitions/application';
import { messageRef, type MessageParams } from './definitions/message-ref';
import { SERVICE_FUNCTIONS, type PolicyConfig } from './definitions/policy';

/**
 * A shortfall of `rule` in `field` (none: the whole filing), its text the catalogues' `code` (under
 * `rules.deficiencies`) with `params`.
 */
export const deficiency = (
  rule: string,
  field: string | undefined,
  code: Extract<MessageCode, `rules.deficiencies.${string}`>,
  params?: MessageParams,
): Deficiency => ({ rule, ...(field ? { field } : {}), ...messageRef(code, params) });

const blank = (text: string | undefined | null): boolean => !text || text.trim() === '';

/** R-APP-1 (§5.1): the district government's letter. */
function checkGovernmentLetter(app: ParkApplication): Deficiency[] {
  const letter = app.documents.districtGovernmentLetter;
  if (letter && !blank(letter.reference)) return [];
  return [deficiency('R-APP-1', 'documents.districtGovernmentLetter', 'rules.deficiencies.governmentLetterMissing')];
}

/** R-APP-2 (§4.1, §5.1): a feasibility report stating positioning, service system, operating model, plan. */
function checkFeasibilityReport(app: ParkApplication): Deficiency[] {
  const report = app.documents.feasibilityReport;
  const field = 'documents.feasibilityReport';
  if (!report || blank(report.reference))
    return [deficiency('R-APP-2', field, 'rules.deficiencies.feasibilityReportMissing')];
  const parts = ['functionalPositioning', 'serviceSystem', 'operatingModel', 'developmentPlan'] as const;
  return parts
    .filter((part) => blank(report[part]))
    .map((part) => deficiency('R-APP-2', `${field}.${part}`, 'rules.deficiencies.feasibilityPartMissing', { part }));
}

/** R-APP-3 (§4.3): at least `minAgencies` resident agencies, no credit code twice. */
function checkAgencies(app: ParkApplication, policy: PolicyConfig): Deficiency[] {
  const found: Deficiency[] = [];
  const distinct = new Set(app.agencies.map((agency) => agency.creditCode.toUpperCase()));
  if (distinct.size < app.agencies.length) {
    const count = app.agencies.length - distinct.size;
    found.push(deficiency('R-APP-3', 'agencies', 'rules.deficiencies.duplicateCreditCodes', { count }));
  }
  if (distinct.size < policy.minAgencies) {
    const roster = { distinct: distinct.size, min: policy.minAgencies };
    found.push(deficiency('R-APP-3', 'agencies', 'rules.deficiencies.tooFewAgencies', roster));
  }
  return found;
}

/** R-APP-8 (§4.3): the district has issued at least one document of measures promoting the park. */
function checkSupportMeasures(app: ParkApplication): Deficiency[] {
  const issued = (app.documents.supportMeasures ?? []).filter(
    (measure) => !blank(measure.title) && !blank(measure.reference),
  );
  if (issued.length > 0) return [];
  return [deficiency('R-APP-8', 'documents.supportMeasures', 'rules.deficiencies.supportMeasuresMissing')];
}

/** R-APP-4 / R-APP-5 hold *in principle* (原则上): a shortfall is flagged for a waiver, never a reason to return. */
export const IN_PRINCIPLE_RULES: readonly string[] = ['R-APP-4', 'R-APP-5'];
export const isFlag = (finding: Deficiency): boolean => IN_PRINCIPLE_RULES.includes(finding.rule);

/** R-APP-4 (§4.2): floor area at least `minFloorAreaSqm`. */
function checkFloorArea(app: ParkApplication, policy: PolicyConfig): Deficiency[] {
  if (app.floorAreaSqm >= policy.minFloorAreaSqm) return [];
  const area = { area: app.floorAreaSqm, min: policy.minFloorAreaSqm };
  return [deficiency('R-APP-4', 'floorAreaSqm', 'rules.deficiencies.floorAreaBelow', area)];
}

/** R-APP-5 (§4.2): all four supporting service functions. */
function checkServiceFunctions(app: ParkApplication): Deficiency[] {
  const missing = SERVICE_FUNCTIONS.filter((fn) => !app.serviceFunctions.includes(fn));
  if (missing.length === 0) return [];
  return [deficiency('R-APP-5', 'serviceFunctions', 'rules.deficiencies.serviceFunctionsMissing', { missing })];
}

/** R-APP-6 (§4.4): a standing operating office with at least one named staff member. */
function checkOperatingOffice(app: ParkApplication): Deficiency[] {
  const named = (app.operatingOffice?.staff ?? []).filter((member) => !blank(member.name));
  if (named.length > 0) return [];
  return [deficiency('R-APP-6', 'operatingOffice.staff', 'rules.deficiencies.operatingOfficeStaffMissing')];
}

/** R-APP-7 (§4.3): projected revenue targets for the first and the third operating year. */
function checkProjectedRevenue(app: ParkApplication, policy: PolicyConfig): Deficiency[] {
  const found: Deficiency[] = [];
  const { firstYear, thirdYear } = app.projectedRevenue;
  if (firstYear < policy.firstYearRevenueCny) {
    const revenue = { projected: firstYear, min: policy.firstYearRevenueCny };
    found.push(
      deficiency('R-APP-7', 'projectedRevenue.firstYear', 'rules.deficiencies.firstYearRevenueBelow', revenue),
    );
  }
  if (thirdYear < policy.thirdYearRevenueCny) {
    const revenue = { projected: thirdYear, min: policy.thirdYearRevenueCny };
    found.push(
      deficiency('R-APP-7', 'projectedRevenue.thirdYear', 'rules.deficiencies.thirdYearRevenueBelow', revenue),
    );
  }
  return found;
}

/**
 * Runs R-APP-1..8 against a well-formed application and lists every shortfall, in rule order: R-APP-4/5 ones
 * are flags ({@link isFlag}), every other one a deficiency that returns the application for correction.
 */
export function checkEligibility(app: ParkApplication, policy: PolicyConfig): Deficiency[] {
  return [
    ...checkGovernmentLetter(app),
    ...checkFeasibilityReport(app),
    ...checkAgencies(app, policy),
    ...checkFloorArea(app, policy),
    ...checkServiceFunctions(app),
    ...checkOperatingOffice(app),
    ...checkProjectedRevenue(app, policy),
    ...checkSupportMeasures(app),
  ];
}

import type { Deficiency, ParkApplication } from './definitions/application';
import { SERVICE_FUNCTIONS, type PolicyConfig } from './definitions/policy';

const SERVICE_FUNCTION_NAMES: Record<(typeof SERVICE_FUNCTIONS)[number], string> = {
  social_security: 'social security',
  employment_entrepreneurship: 'employment & entrepreneurship',
  personnel_talent: 'personnel & talent',
  property_management: 'property management',
};

const blank = (text: string | undefined | null): boolean => !text || text.trim() === '';

/** R-APP-1 (§5.1): the district government's letter. */
function checkGovernmentLetter(app: ParkApplication): Deficiency[] {
  const letter = app.documents.districtGovernmentLetter;
  if (letter && !blank(letter.reference)) return [];
  return [
    {
      rule: 'R-APP-1',
      field: 'documents.districtGovernmentLetter',
      message: "the district government's letter (区县人民政府函件) is missing",
    },
  ];
}

/** R-APP-2 (§4.1, §5.1): a feasibility report stating positioning, service system, operating model, plan. */
function checkFeasibilityReport(app: ParkApplication): Deficiency[] {
  const report = app.documents.feasibilityReport;
  const field = 'documents.feasibilityReport';
  if (!report || blank(report.reference)) {
    return [
      {
        rule: 'R-APP-2',
        field,
        message: 'the planning & feasibility report (建设规划论证报告) is missing',
      },
    ];
  }
  const parts = ['functionalPositioning', 'serviceSystem', 'operatingModel', 'developmentPlan'] as const;
  return parts
    .filter((part) => blank(report[part]))
    .map((part) => ({
      rule: 'R-APP-2',
      field: `${field}.${part}`,
      message: `the feasibility report does not state its ${part}`,
    }));
}

/** R-APP-3 (§4.3): at least `minAgencies` resident agencies, no credit code twice. */
function checkAgencies(app: ParkApplication, policy: PolicyConfig): Deficiency[] {
  const found: Deficiency[] = [];
  const distinct = new Set(app.agencies.map((agency) => agency.creditCode.toUpperCase()));
  if (distinct.size < app.agencies.length) {
    found.push({
      rule: 'R-APP-3',
      field: 'agencies',
      message: `the roster lists ${app.agencies.length - distinct.size} agency credit code(s) more than once`,
    });
  }
  if (distinct.size < policy.minAgencies) {
    found.push({
      rule: 'R-APP-3',
      field: 'agencies',
      message:
        `the roster has ${distinct.size} distinct resident ` + `agencies; at least ${policy.minAgencies} are required`,
    });
  }
  return found;
}

/** R-APP-8 (§4.3): the district has issued at least one document of measures promoting the park. */
function checkSupportMeasures(app: ParkApplication): Deficiency[] {
  const issued = (app.documents.supportMeasures ?? []).filter(
    (measure) => !blank(measure.title) && !blank(measure.reference),
  );
  if (issued.length > 0) return [];
  return [
    {
      rule: 'R-APP-8',
      field: 'documents.supportMeasures',
      message: "the district's measures promoting the park (促进园区建设发展的政策措施) name no issued document",
    },
  ];
}

/** R-APP-4 / R-APP-5 hold *in principle* (原则上): a shortfall is flagged for a waiver, never a reason to return. */
export const IN_PRINCIPLE_RULES: readonly string[] = ['R-APP-4', 'R-APP-5'];
export const isFlag = (finding: Deficiency): boolean => IN_PRINCIPLE_RULES.includes(finding.rule);

/** R-APP-4 (§4.2): floor area at least `minFloorAreaSqm`. */
function checkFloorArea(app: ParkApplication, policy: PolicyConfig): Deficiency[] {
  if (app.floorAreaSqm >= policy.minFloorAreaSqm) return [];
  return [
    {
      rule: 'R-APP-4',
      field: 'floorAreaSqm',
      message:
        `floor area is ${app.floorAreaSqm} m²; at least ${policy.minFloorAreaSqm} ` +
        `m² in principle (原则上): a waiver reason is needed to accept it`,
    },
  ];
}

/** R-APP-5 (§4.2): all four supporting service functions. */
function checkServiceFunctions(app: ParkApplication): Deficiency[] {
  const missing = SERVICE_FUNCTIONS.filter((fn) => !app.serviceFunctions.includes(fn));
  if (missing.length === 0) return [];
  const names = missing.map((fn) => SERVICE_FUNCTION_NAMES[fn]).join(', ');
  return [
    {
      rule: 'R-APP-5',
      field: 'serviceFunctions',
      message:
        `supporting service functions missing: ${names} (in ` +
        `principle, 原则上: a waiver reason is needed to accept it)`,
    },
  ];
}

/** R-APP-6 (§4.4): a standing operating office with at least one named staff member. */
function checkOperatingOffice(app: ParkApplication): Deficiency[] {
  const named = (app.operatingOffice?.staff ?? []).filter((member) => !blank(member.name));
  if (named.length > 0) return [];
  return [{ rule: 'R-APP-6', field: 'operatingOffice.staff', message: 'the operating office names no staff member' }];
}

/** R-APP-7 (§4.3): projected revenue targets for the first and the third operating year. */
function checkProjectedRevenue(app: ParkApplication, policy: PolicyConfig): Deficiency[] {
  const found: Deficiency[] = [];
  const { firstYear, thirdYear } = app.projectedRevenue;
  if (firstYear < policy.firstYearRevenueCny) {
    found.push({
      rule: 'R-APP-7',
      field: 'projectedRevenue.firstYear',
      message: `projected first-year revenue ${firstYear} CNY is below ${policy.firstYearRevenueCny} CNY`,
    });
  }
  if (thirdYear < policy.thirdYearRevenueCny) {
    found.push({
      rule: 'R-APP-7',
      field: 'projectedRevenue.thirdYear',
      message: `projected third-year revenue ${thirdYear} CNY is below ${policy.thirdYearRevenueCny} CNY`,
    });
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

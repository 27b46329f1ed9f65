/**
 * R-APP-1..8 (§4.1–§4.4, §5.1): what each finding of the eligibility check says — its rule, the field an officer
 * corrects and the figures of its message — and where each threshold lies exactly. The console and the API show
 * these fields and figures as they are: a finding that lost its field or figures would point nowhere.
 */
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { checkEligibility } from '../../workflows/eligibility';
import { validApplication } from '../../tooling/fixtures/applications';
import type { ParkApplication } from '../../workflows/definitions/application';

const findings = (app: ParkApplication) => checkEligibility(app, DEFAULT_POLICY);

describe('eligibility findings name their rule, field and figures (R-APP-1..8)', () => {
  it('R-APP-1: a letter without a reference is missing, found at documents.districtGovernmentLetter', () => {
    const app = validApplication();
    app.documents.districtGovernmentLetter = { reference: '  ', date: '2026-11-20' };
    expect(findings(app)).toEqual([
      {
        rule: 'R-APP-1',
        field: 'documents.districtGovernmentLetter',
        code: 'rules.deficiencies.governmentLetterMissing',
      },
    ]);
  });

  it('R-APP-2: a blank part of the feasibility report is an R-APP-2 finding at that part', () => {
    const app = validApplication();
    app.documents.feasibilityReport!.operatingModel = ' ';
    expect(findings(app)).toEqual([
      {
        rule: 'R-APP-2',
        field: 'documents.feasibilityReport.operatingModel',
        code: 'rules.deficiencies.feasibilityPartMissing',
        params: { part: 'operatingModel' },
      },
    ]);
  });

  it('R-APP-4: 7,999 m² is found at floorAreaSqm with the area and the minimum', () => {
    expect(findings(validApplication({ floorAreaSqm: 7999 }))).toEqual([
      {
        rule: 'R-APP-4',
        field: 'floorAreaSqm',
        code: 'rules.deficiencies.floorAreaBelow',
        params: { area: 7999, min: 8000 },
      },
    ]);
  });

  it('R-APP-6: staff without a name do not make an operating office; found at operatingOffice.staff', () => {
    const unnamed = validApplication({ operatingOffice: { staff: [{ name: '  ', role: '主任', fullTime: true }] } });
    expect(findings(unnamed)).toEqual([
      { rule: 'R-APP-6', field: 'operatingOffice.staff', code: 'rules.deficiencies.operatingOfficeStaffMissing' },
    ]);
  });

  it('R-APP-7: exactly 300 M and 1,000 M meet the targets; one yuan less is a finding with its figures', () => {
    const at = (firstYear: number, thirdYear: number) =>
      validApplication({ projectedRevenue: { firstYear, thirdYear } });
    expect(findings(at(300_000_000, 1_000_000_000))).toEqual([]);
    expect(findings(at(299_999_999, 999_999_999))).toEqual([
      {
        rule: 'R-APP-7',
        field: 'projectedRevenue.firstYear',
        code: 'rules.deficiencies.firstYearRevenueBelow',
        params: { projected: 299_999_999, min: 300_000_000 },
      },
      {
        rule: 'R-APP-7',
        field: 'projectedRevenue.thirdYear',
        code: 'rules.deficiencies.thirdYearRevenueBelow',
        params: { projected: 999_999_999, min: 1_000_000_000 },
      },
    ]);
  });
});

import { translator } from '../../i18n/translator';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { checkEligibility, isFlag } from '../../workflows/eligibility';
import { agencies, validApplication } from '../../tooling/fixtures/applications';

const rulesOf = (app = validApplication()) => checkEligibility(app, DEFAULT_POLICY).map((d) => d.rule);

describe('checkEligibility (R-APP-1..8, §4.1–§4.4, §5.1)', () => {
  it('R-APP-8: the district names at least one issued document of measures promoting the park', () => {
    for (const supportMeasures of [
      [],
      null,
      undefined,
      [{ title: ' ', reference: '渝北府发〔2026〕3号', date: '2026-10-08' }],
    ]) {
      const app = validApplication();
      app.documents.supportMeasures = supportMeasures;
      expect(checkEligibility(app, DEFAULT_POLICY)).toEqual([
        expect.objectContaining({ rule: 'R-APP-8', field: 'documents.supportMeasures' }),
      ]);
    }
  });

  it('R-APP-4/R-APP-5 hold in principle: their shortfalls are flags, every other rule a deficiency', () => {
    const found = checkEligibility(
      validApplication({ floorAreaSqm: 7000, serviceFunctions: ['social_security'], agencies: agencies(3) }),
      DEFAULT_POLICY,
    );
    expect(found.map((d) => [d.rule, isFlag(d)])).toEqual([
      ['R-APP-3', false],
      ['R-APP-4', true],
      ['R-APP-5', true],
    ]);
  });

  it('finds nothing wrong with a complete application', () => {
    expect(checkEligibility(validApplication(), DEFAULT_POLICY)).toEqual([]);
  });

  it('R-APP-1: a missing district government letter is a deficiency', () => {
    const app = validApplication();
    app.documents.districtGovernmentLetter = null;
    expect(rulesOf(app)).toEqual(['R-APP-1']);
  });

  it('R-APP-2: the feasibility report must exist and state all four parts', () => {
    const missing = validApplication();
    missing.documents.feasibilityReport = null;
    expect(rulesOf(missing)).toEqual(['R-APP-2']);
    const partial = validApplication();
    partial.documents.feasibilityReport = {
      ...partial.documents.feasibilityReport!,
      operatingModel: ' ',
      developmentPlan: '',
    };
    const found = checkEligibility(partial, DEFAULT_POLICY);
    expect(found.map((d) => d.field)).toEqual([
      'documents.feasibilityReport.operatingModel',
      'documents.feasibilityReport.developmentPlan',
    ]);
  });

  it('R-APP-3: at least 15 agencies, and 14 is one too few', () => {
    expect(rulesOf(validApplication({ agencies: agencies(14) }))).toEqual(['R-APP-3']);
    expect(rulesOf(validApplication({ agencies: agencies(15) }))).toEqual([]);
  });

  it('R-APP-3: a credit code listed twice is reported and not counted twice', () => {
    const roster = agencies(15);
    roster[14] = { ...roster[14], creditCode: roster[0].creditCode };
    const found = checkEligibility(validApplication({ agencies: roster }), DEFAULT_POLICY);
    expect(found).toEqual([
      { rule: 'R-APP-3', field: 'agencies', code: 'rules.deficiencies.duplicateCreditCodes', params: { count: 1 } },
      {
        rule: 'R-APP-3',
        field: 'agencies',
        code: 'rules.deficiencies.tooFewAgencies',
        params: { distinct: 14, min: 15 },
      },
    ]);
    expect(translator.translate(found[1], 'zh-CN')).toBe('入驻人力资源服务机构14家（重复的不计），至少应有15家');
    expect(translator.translate(found[1], 'en')).toBe(
      'the roster has 14 distinct resident agencies; at least 15 are required',
    );
  });

  it('R-APP-4: at least 8,000 m² (7,999 fails, 8,000 passes)', () => {
    expect(rulesOf(validApplication({ floorAreaSqm: 7999 }))).toEqual(['R-APP-4']);
    expect(rulesOf(validApplication({ floorAreaSqm: 8000 }))).toEqual([]);
  });

  it('R-APP-5: every supporting service function must be present, and the message names the missing', () => {
    const found = checkEligibility(
      validApplication({ serviceFunctions: ['social_security', 'personnel_talent'] }),
      DEFAULT_POLICY,
    );
    expect(found).toEqual([
      {
        rule: 'R-APP-5',
        field: 'serviceFunctions',
        code: 'rules.deficiencies.serviceFunctionsMissing',
        params: { missing: ['employment_entrepreneurship', 'property_management'] },
      },
    ]);
    expect(translator.translate(found[0], 'zh-CN')).toBe(
      '缺少配套服务功能：就业创业、物业管理（原则上应具备：受理须说明豁免理由）',
    );
    expect(translator.translate(found[0], 'en')).toContain(
      'supporting service functions missing: employment & entrepreneurship, property management',
    );
  });

  it('R-APP-4/R-APP-7: areas and amounts are parameters, written in the bureau units of each language', () => {
    const found = checkEligibility(
      validApplication({ floorAreaSqm: 7999, projectedRevenue: { firstYear: 250_000_000, thirdYear: 1_000_000_000 } }),
      DEFAULT_POLICY,
    );
    expect(found.map((d) => [d.rule, d.code, d.params])).toEqual([
      ['R-APP-4', 'rules.deficiencies.floorAreaBelow', { area: 7999, min: 8000 }],
      ['R-APP-7', 'rules.deficiencies.firstYearRevenueBelow', { projected: 250_000_000, min: 300_000_000 }],
    ]);
    expect(translator.translate(found[0], 'zh-CN')).toContain('园区面积7,999平方米，原则上应不低于8,000平方米');
    expect(translator.translate(found[0], 'en')).toContain('floor area is 7999 m²; at least 8000 m² in principle');
    expect(translator.translate(found[1], 'zh-CN')).toBe(
      '预计第一年人力资源服务营业收入250,000,000元，低于300,000,000元',
    );
    expect(translator.translate(found[1], 'en')).toBe(
      'projected first-year revenue CNY 250,000,000 is below CNY 300,000,000',
    );
  });

  it('R-APP-2: a part the feasibility report leaves out is named by its field and its term', () => {
    const app = validApplication();
    app.documents.feasibilityReport = { ...app.documents.feasibilityReport!, operatingModel: '' };
    const [found] = checkEligibility(app, DEFAULT_POLICY);
    expect(translator.translate(found, 'zh-CN')).toBe('建设规划论证报告未写明运营模式（operatingModel）');
    expect(translator.translate(found, 'en')).toBe(
      'the feasibility report does not state its operating model (operatingModel)',
    );
  });

  it('R-APP-6: an operating office with no named staff is a deficiency', () => {
    expect(rulesOf(validApplication({ operatingOffice: { staff: [] } }))).toEqual(['R-APP-6']);
    expect(rulesOf(validApplication({ operatingOffice: null }))).toEqual(['R-APP-6']);
  });

  it('R-APP-7: first-year ≥ 300 M and third-year ≥ 1,000 M projected revenue, each checked', () => {
    const app = validApplication({ projectedRevenue: { firstYear: 299_999_999, thirdYear: 999_999_999 } });
    expect(checkEligibility(app, DEFAULT_POLICY).map((d) => d.field)).toEqual([
      'projectedRevenue.firstYear',
      'projectedRevenue.thirdYear',
    ]);
  });

  it('lists every deficiency at once, in rule order (14 agencies and 7,999 m² → R-APP-3, R-APP-4)', () => {
    expect(rulesOf(validApplication({ agencies: agencies(14), floorAreaSqm: 7999 }))).toEqual(['R-APP-3', 'R-APP-4']);
  });

  it('takes its thresholds from the policy configuration, not literals', () => {
    const stricter = { ...DEFAULT_POLICY, minAgencies: 20, minFloorAreaSqm: 15000 };
    expect(checkEligibility(validApplication(), stricter).map((d) => d.rule)).toEqual(['R-APP-3', 'R-APP-4']);
  });
});

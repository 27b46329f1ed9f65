import { creditCodeCheckCharacter } from '../../api/applications/credit-code';
import type { Agency, ParkApplication } from '../../workflows/definitions/application';
import { SERVICE_FUNCTIONS } from '../../workflows/definitions/policy';

/** A valid unified social credit code for agency number `n` in `district` (check character computed). */
export function creditCode(district: string, n: number): string {
  const first17 = `91${district}MA${n.toString().padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export function agencies(count: number, district = '500112'): Agency[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `重庆第${i + 1}人力资源有限公司`,
    creditCode: creditCode(district, i + 1),
  }));
}

/** An application that meets R-APP-1..7, with `overrides` applied on top. */
export function validApplication(overrides: Partial<ParkApplication> = {}): ParkApplication {
  const district = overrides.district ?? '500112';
  return {
    parkName: '渝北人力资源服务产业园',
    district,
    floorAreaSqm: 12000,
    serviceFunctions: [...SERVICE_FUNCTIONS],
    agencies: agencies(15, district),
    operatingOffice: { staff: [{ name: '张三', role: '主任', fullTime: true }] },
    projectedRevenue: { firstYear: 350_000_000, thirdYear: 1_200_000_000 },
    documents: {
      districtGovernmentLetter: { reference: '渝北府函〔2026〕12号', date: '2026-11-20' },
      feasibilityReport: {
        reference: 'FR-2026-01',
        functionalPositioning: '西部人力资源服务高地',
        serviceSystem: '全链条人力资源服务',
        operatingModel: '政府引导、市场运作',
        developmentPlan: '三年建成',
      },
      supportMeasures: [
        { title: '渝北区促进人力资源服务产业园发展若干措施', reference: '渝北府发〔2026〕3号', date: '2026-10-08' },
      ],
    },
    ...overrides,
  };
}

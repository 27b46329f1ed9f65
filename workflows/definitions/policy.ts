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
};

/** The four supporting service functions of R-APP-5 (§4.2). */
export const SERVICE_FUNCTIONS = [
  'social_security',
  'employment_entrepreneurship',
  'personnel_talent',
  'property_management',
] as const;
export type ServiceFunction = (typeof SERVICE_FUNCTIONS)[number];

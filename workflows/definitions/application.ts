import type { MessageParams } from './message-ref';
import type { ServiceFunction } from './policy';

/** A resident HR-service agency on the roster (R-APP-3). */
export interface Agency {
  name: string;
  /** 18-character unified social credit code (GB 32100-2015). */
  creditCode: string;
}

export interface OfficeStaff {
  name: string;
  role?: string;
  fullTime: boolean;
}

export interface DocumentReference {
  reference: string;
  /** ISO date. */
  date?: string;
}

/** R-APP-8 (§4.3): one issued document of the district's measures promoting the park. */
export interface SupportMeasure {
  title: string;
  /** The document number, e.g. 渝北府发〔2026〕3号. */
  reference: string;
  /** ISO date of issue. */
  date: string;
}

/** R-APP-9 (§1 区域性、专业性): a park serves an area, or one industry or service line. */
export const PARK_KINDS = ['regional', 'specialised'] as const;
export type ParkKindCode = (typeof PARK_KINDS)[number];

/** R-APP-9: what kind of park it is; `specialism` names the line of a specialised park, and only of one. */
export interface ParkKind {
  kind: ParkKindCode;
  specialism?: string;
}

/** R-APP-9 (§2(二)): how private capital takes part — 独资, 合资, 参股, 联营, 等方式 (described), or none. */
export const PRIVATE_CAPITAL_FORMS = ['sole', 'joint_venture', 'equity_stake', 'alliance', 'other', 'none'] as const;
export type PrivateCapitalForm = (typeof PRIVATE_CAPITAL_FORMS)[number];

/** R-APP-9: the form private capital takes and the operator's name; `description` says what an `other` form is. */
export interface PrivateCapital {
  form: PrivateCapitalForm;
  operator: string;
  description?: string;
}

export interface FeasibilityReport {
  reference: string;
  functionalPositioning: string;
  serviceSystem: string;
  operatingModel: string;
  developmentPlan: string;
}

/**
 * A district's application for designation, as `POST /v1/applications` carries it (§5.1, §4.1–§4.4).
 * Well-formed but possibly policy-deficient: documents may be `null`, lists may be short.
 */
export interface ParkApplication {
  parkName: string;
  /** GB/T 2260 code of the applying district. */
  district: string;
  floorAreaSqm: number;
  serviceFunctions: ServiceFunction[];
  agencies: Agency[];
  operatingOffice: { staff: OfficeStaff[] } | null;
  projectedRevenue: { firstYear: number; thirdYear: number };
  /** R-APP-9: descriptive, never a reason to return; absent or null (not stated) in filings before the rule. */
  parkKind?: ParkKind | null;
  privateCapital?: PrivateCapital | null;
  documents: {
    districtGovernmentLetter: DocumentReference | null;
    feasibilityReport: FeasibilityReport | null;
    /** R-APP-8: absent in applications filed before the rule existed. */
    supportMeasures?: SupportMeasure[] | null;
  };
}

/**
 * One broken policy rule: a deficiency, or a flag (R-APP-4/5), as a code and its parameters, e.g. `{ rule: 'R-APP-3',
 * field: 'agencies', code: 'rules.deficiencies.tooFewAgencies', params: { distinct: 14, min: 15 } }`; its text is the
 * catalogue's, in the reader's language.
 */
export interface Deficiency {
  rule: string;
  field?: string;
  code: string;
  params?: MessageParams;
  /**
   * Only in snapshots written before the catalogues (issue 20): their English sentence, and no `code`. Never written
   * now; readers fall back to it when `code` is absent.
   */
  message?: string;
}

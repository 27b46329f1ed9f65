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

import type { Schema } from '../../api/client';
import type { ParkApplication, ParkKindCode, PrivateCapitalForm } from '../../../../workflows/definitions/application';

/** The body of `POST /v1/applications` and of a resubmission (api-contract "Bodies and shapes"). */
export type ApplicationBody = Schema<'ApplicationDto'>;

type Partly<T> = { [K in keyof T]?: T[K] | null };

/**
 * The application form's values: the body's own paths (so a 422's `field`, e.g. `agencies.0.creditCode`, names its
 * form item as it is), each possibly blank while the officer fills it in; the district is the officer's, not a field.
 */
export interface ApplicationValues {
  parkName?: string;
  floorAreaSqm?: number | null;
  serviceFunctions?: ApplicationBody['serviceFunctions'];
  agencies?: Partly<Schema<'AgencyDto'>>[];
  operatingOffice?: { staff?: Partly<Schema<'StaffDto'>>[] };
  projectedRevenue?: Partly<Schema<'ProjectedRevenueDto'>>;
  /** R-APP-9: the body has one shape per choice; the form holds every part, the choice deciding which are sent. */
  parkKind?: Partly<{ kind: ParkKindCode; specialism: string }>;
  privateCapital?: Partly<{ form: PrivateCapitalForm; operator: string; description: string }>;
  documents?: {
    districtGovernmentLetter?: Partly<Schema<'GovernmentLetterDto'>>;
    feasibilityReport?: Partly<Schema<'FeasibilityReportDto'>>;
    supportMeasures?: Partly<Schema<'SupportMeasureDto'>>[];
  };
}

/** A new application: one row in each list, ready to be filled; every staff member full-time until said otherwise. */
export const NEW_APPLICATION: ApplicationValues = {
  serviceFunctions: [],
  agencies: [{}],
  operatingOffice: { staff: [{ fullTime: true }] },
  documents: { supportMeasures: [{}] },
};

const text = (value: string | null | undefined): string => value ?? '';
const blank = (value: string | null | undefined): boolean => text(value).trim() === '';

/** A document cited by nothing but blanks is not there (R-APP-1/2 see `null`, as the API does). */
function letterOf(letter: Partly<Schema<'GovernmentLetterDto'>> | undefined) {
  if (!letter || (blank(letter.reference) && !letter.date)) return null;
  return { reference: text(letter.reference), ...(letter.date ? { date: letter.date } : {}) };
}

function feasibilityReportOf(report: Partly<Schema<'FeasibilityReportDto'>> | undefined) {
  const parts = ['reference', 'functionalPositioning', 'serviceSystem', 'operatingModel', 'developmentPlan'] as const;
  if (!report || parts.every((part) => blank(report[part]))) return null;
  return {
    reference: text(report.reference),
    functionalPositioning: text(report.functionalPositioning),
    serviceSystem: text(report.serviceSystem),
    operatingModel: text(report.operatingModel),
    developmentPlan: text(report.developmentPlan),
  };
}

/** R-APP-9: the kind stated, its specialism only with specialised; none chosen is not stated (`null`). */
function parkKindOf(parkKind: ApplicationValues['parkKind']): ApplicationBody['parkKind'] {
  if (!parkKind?.kind) return null;
  return parkKind.kind === 'specialised'
    ? { kind: parkKind.kind, specialism: text(parkKind.specialism) }
    : { kind: parkKind.kind };
}

/** R-APP-9: the form private capital takes and the operator; the description only with `other`. */
function privateCapitalOf(capital: ApplicationValues['privateCapital']): ApplicationBody['privateCapital'] {
  if (!capital?.form) return null;
  const operator = text(capital.operator);
  return capital.form === 'other'
    ? { form: capital.form, operator, description: text(capital.description) }
    : { form: capital.form, operator };
}

/**
 * The body the form's values make, filed as the officer filled them in: R-APP-1..8 judge it (the workflow, and the
 * console's notes by the same function), never this mapping. A blank number goes as `null`, so that the API names
 * its field (422) rather than a zero being filed in the officer's name.
 */
export function applicationOf(values: ApplicationValues, district: string): ApplicationBody {
  const documents = values.documents ?? {};
  const revenue = values.projectedRevenue ?? {};
  return {
    parkName: text(values.parkName),
    district: district as ApplicationBody['district'],
    floorAreaSqm: values.floorAreaSqm as number,
    serviceFunctions: values.serviceFunctions ?? [],
    agencies: (values.agencies ?? []).map((agency) => ({
      name: text(agency?.name),
      creditCode: text(agency?.creditCode),
    })),
    operatingOffice: {
      staff: (values.operatingOffice?.staff ?? []).map((member) => ({
        name: text(member?.name),
        ...(blank(member?.role) ? {} : { role: text(member?.role) }),
        fullTime: member?.fullTime ?? false,
      })),
    },
    projectedRevenue: { firstYear: revenue.firstYear as number, thirdYear: revenue.thirdYear as number },
    parkKind: parkKindOf(values.parkKind),
    privateCapital: privateCapitalOf(values.privateCapital),
    documents: {
      districtGovernmentLetter: letterOf(documents.districtGovernmentLetter),
      feasibilityReport: feasibilityReportOf(documents.feasibilityReport),
      supportMeasures: (documents.supportMeasures ?? []).map((measure) => ({
        title: text(measure?.title),
        reference: text(measure?.reference),
        date: text(measure?.date),
      })),
    },
  };
}

/** The form's values for an application as last filed (a returned case's `application`), to be corrected. */
export function valuesOf(filed: ParkApplication): ApplicationValues {
  const { districtGovernmentLetter, feasibilityReport, supportMeasures } = filed.documents;
  return {
    parkName: filed.parkName,
    floorAreaSqm: filed.floorAreaSqm,
    serviceFunctions: filed.serviceFunctions,
    agencies: filed.agencies.map(({ name, creditCode }) => ({ name, creditCode })),
    operatingOffice: { staff: (filed.operatingOffice?.staff ?? []).map((member) => ({ ...member })) },
    projectedRevenue: { ...filed.projectedRevenue },
    parkKind: { ...filed.parkKind },
    privateCapital: { ...filed.privateCapital },
    documents: {
      districtGovernmentLetter: districtGovernmentLetter ? { ...districtGovernmentLetter } : {},
      feasibilityReport: feasibilityReport ? { ...feasibilityReport } : {},
      supportMeasures: (supportMeasures ?? []).map((measure) => ({ ...measure })),
    },
  };
}

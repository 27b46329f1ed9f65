import { namePathOf } from '../../actions/field-errors';
import type { MessageRef } from '../../../../workflows/definitions/message-ref';
import { DEFAULT_POLICY } from '../../../../workflows/definitions/policy';
import { checkEligibility, IN_PRINCIPLE_RULES } from '../../../../workflows/eligibility';
import { applicationOf, type ApplicationValues } from './values';

/** A shortfall as the form shows it: its rule, the field it concerns, its text, and whether it is only a flag. */
export interface Note {
  rule: string;
  field?: string;
  text: string;
  /** R-APP-4/5 (*in principle*): never a reason to return, only a waiver to state at acceptance. */
  flag: boolean;
}

/** A deficiency or flag of the last filing as the API gave it (the case view's, in the officer's language). */
export type FiledFinding = { rule: string; message: string; field?: string };

const isFlagRule = (rule: string): boolean => IN_PRINCIPLE_RULES.includes(rule);

/**
 * R-APP-1..8 on the form's current values, by the workflow's own `checkEligibility` with the policy's defaults: what
 * the filing would be returned for (or flagged for), before it is sent.
 */
export function liveNotes(values: ApplicationValues, district: string, render: (ref: MessageRef) => string): Note[] {
  return checkEligibility(applicationOf(values, district), DEFAULT_POLICY).map((deficiency) => ({
    rule: deficiency.rule,
    field: deficiency.field,
    text: render(deficiency),
    flag: isFlagRule(deficiency.rule),
  }));
}

/** The last filing's findings as notes. */
export const filedNotes = (filed: FiledFinding[]): Note[] =>
  filed.map(({ rule, field, message }) => ({ rule, field, text: message, flag: isFlagRule(rule) }));

/** The documents a finding may name as a whole: shown at their reference, the first thing the officer states. */
const WHOLE_DOCUMENTS = ['documents.districtGovernmentLetter', 'documents.feasibilityReport'];

/** The form item a finding's `field` shows at (`documents.feasibilityReport.serviceSystem` → its name path). */
export const itemOf = (field: string): (string | number)[] =>
  WHOLE_DOCUMENTS.includes(field) ? [...namePathOf(field), 'reference'] : namePathOf(field);

/**
 * The form items that show notes: every `field` R-APP-1..8 name. Each is checked again whenever any field changes,
 * since its notes may depend on others (the roster's on its rows, a report's parts on its reference).
 */
export const NOTED_ITEMS: (string | number)[][] = [
  ['documents', 'districtGovernmentLetter', 'reference'],
  ['documents', 'feasibilityReport', 'reference'],
  ...['functionalPositioning', 'serviceSystem', 'operatingModel', 'developmentPlan'].map((part) => [
    'documents',
    'feasibilityReport',
    part,
  ]),
  ['agencies'],
  ['floorAreaSqm'],
  ['serviceFunctions'],
  ['operatingOffice', 'staff'],
  ['projectedRevenue', 'firstYear'],
  ['projectedRevenue', 'thirdYear'],
  ['documents', 'supportMeasures'],
];

import type { Deficiency } from '../../workflows/definitions/application';
import type { Evaluation, Finding } from '../../workflows/definitions/case';
import type { MessageParams } from '../../workflows/definitions/message-ref';
import { textOf, type LocalizedText } from '../i18n/localized-text';

/**
 * The texts of a case the workflow stored as codes (deficiencies, flags, report findings), as answers show them: in the
 * reader's language, beside their rule and field.
 */

/**
 * A text the workflow stored as a code and parameters (`message` only in snapshots written before the catalogues, in
 * English), to be written in the reader's language.
 */
interface StoredText {
  code?: string;
  params?: MessageParams;
  message?: string;
}
const storedText = ({ code, params, message }: StoredText): LocalizedText | string => textOf({ code, params }, message);

/** A deficiency or flag as answers show it: rule, field, and its text in the reader's language. */
export type DeficiencyView = Pick<Deficiency, 'rule' | 'field'> & { message: LocalizedText | string };
export const deficiencyView = (d: Deficiency): DeficiencyView => ({
  rule: d.rule,
  ...(d.field === undefined ? {} : { field: d.field }),
  message: storedText(d),
});

/** A report finding (R-RPT-1..4) as answers show it. */
export type FindingView = Pick<Finding, 'rule' | 'year'> & { message: LocalizedText | string };
export const findingView = (f: Finding): FindingView => ({ rule: f.rule, year: f.year, message: storedText(f) });
/** An evaluation with its report findings as answers show them. */
export type EvaluationView = Omit<Evaluation, 'reportFindings'> & { reportFindings: FindingView[] };
export const evaluationView = (e: Evaluation): EvaluationView => ({
  ...e,
  reportFindings: e.reportFindings.map(findingView),
});

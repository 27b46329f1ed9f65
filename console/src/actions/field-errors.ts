import type { FormInstance } from 'antd';
import type { ApiFailure, Schema } from '../api/client';

type Detail = Schema<'ErrorDetailSchema'>;

/**
 * A detail's field as an Ant Design name path: `agencies.0.creditCode` or `agencies[0].creditCode`
 * → ['agencies', 0, 'creditCode'].
 */
export function namePathOf(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The text shown at a field: the API's message (in the officer's language) with the rule it cites. */
const textOf = (detail: Detail): string => (detail.rule ? `${detail.message}（${detail.rule}）` : detail.message);

/**
 * Puts a refusal's details (409/422) at the form's fields they name, as the API gave them; returns the texts no field
 * of the form holds (shown above the form, so nothing the API said is lost).
 */
export function showAtFields(form: FormInstance | undefined, failure: ApiFailure): string[] {
  const details = failure.body?.details ?? [];
  const unplaced: string[] = [];
  const byField = new Map<string, string[]>();
  for (const detail of details) {
    const path = detail.field ? namePathOf(detail.field) : [];
    const known = form && path.length > 0 && isField(form, path);
    if (!known) {
      unplaced.push(textOf(detail));
      continue;
    }
    const key = JSON.stringify(path);
    byField.set(key, [...(byField.get(key) ?? []), textOf(detail)]);
  }
  form?.setFields([...byField].map(([key, errors]) => ({ name: JSON.parse(key) as (string | number)[], errors })));
  return details.length === 0 ? [failure.message] : unplaced;
}

/** Whether the form has an item at `path` (a registered field answers getFieldInstance or holds a value). */
function isField(form: FormInstance, path: (string | number)[]): boolean {
  return form.getFieldInstance(path) !== undefined || form.getFieldValue(path) !== undefined;
}

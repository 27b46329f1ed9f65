import { registerDecorator } from 'class-validator';
import type { MessageCode } from '../../i18n/catalogue';
import { isCivilDate } from '../../workflows/definitions/civil-date';
import { nested } from './api-error';
import type { CheckContext } from './validation-texts';

/**
 * Validation of policy dates in requests (policy.md R-CAL-1): a date-only value names a Chongqing civil day, checked
 * (and later read) by workflows/civil-date.ts, never through the server's time zone.
 */

/** A date-time with a time of day and an explicit offset: without one, the instant would depend on the server. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** True for a strict ISO 8601 date-time with its offset, e.g. `2027-03-31T16:00:00Z`, `2027-04-01T00:00:00+08:00`. */
export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' &&
  DATE_TIME.test(value) &&
  isCivilDate(value.slice(0, 10)) &&
  !Number.isNaN(Date.parse(value));

/** A property check whose 422 detail names its rule, in the text `validation.<name>` (api-contract "Errors"). */
function civilDecorator(name: string, test: (value: unknown) => boolean, context: CheckContext): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { context },
      validator: { validate: test },
    });
}

/**
 * A real Chongqing day `YYYY-MM-DD` (not `2027-02-30`, not a date-time), else 422 `<field> must be <what> (<rule>)`;
 * `what` is a text of `validation.days`.
 */
export const IsChongqingDay = (rule: string, what: MessageCode = 'validation.days.calendarDay'): PropertyDecorator =>
  civilDecorator('isChongqingDay', isCivilDate, { rule, params: { what: nested(what) } });

/** A query bound: a Chongqing day `YYYY-MM-DD` (R-CAL-1) or an instant (ISO 8601 date-time with offset). */
export const IsDayOrInstant = (): PropertyDecorator =>
  civilDecorator('isDayOrInstant', (value) => isCivilDate(value) || isInstant(value), { rule: 'R-CAL-1' });

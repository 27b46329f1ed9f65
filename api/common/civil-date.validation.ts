import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isCivilDate } from '../../workflows/definitions/civil-date';

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

/** A property check whose 422 detail names `rule` (api-contract "Errors"). */
function civilDecorator(
  name: string,
  rule: string,
  test: (value: unknown) => boolean,
  message: (property: string) => string,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { context: { rule } },
      validator: {
        validate: test,
        defaultMessage: (args?: ValidationArguments) => message(args?.property ?? String(propertyName)),
      },
    });
}

/**
 * A real Chongqing day `YYYY-MM-DD` (not `2027-02-30`, not a date-time), else 422 `<field> must be <what> (<rule>)`.
 */
export const IsChongqingDay = (rule: string, what = 'a real calendar day YYYY-MM-DD'): PropertyDecorator =>
  civilDecorator('isChongqingDay', rule, isCivilDate, (property) => `${property} must be ${what} (${rule})`);

/** A query bound: a Chongqing day `YYYY-MM-DD` (R-CAL-1) or an instant (ISO 8601 date-time with offset). */
export const IsDayOrInstant = (): PropertyDecorator =>
  civilDecorator(
    'isDayOrInstant',
    'R-CAL-1',
    (value) => isCivilDate(value) || isInstant(value),
    (property) =>
      `${property} must be a Chongqing day YYYY-MM-DD or an ISO 8601 ` +
      `date-time with its offset, e.g. 2027-03-31T16:00:00Z (R-CAL-1)`,
  );

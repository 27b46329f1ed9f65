import type { TFunction } from 'i18next';

/**
 * A field the API cannot do without (422 otherwise): said at the field before sending, in the API's own words
 * (`validation.isNotEmpty`, naming the field by its label).
 */
export const required = (t: TFunction, label: string) => ({
  required: true,
  message: t('validation.isNotEmpty', { field: label }),
});

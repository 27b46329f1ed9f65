import type { DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import type { Schema } from '../../api/client';

/**
 * R-APP-9: the kind of park (区域性, or 专业性 with its line) and how private capital takes part, with the operator, as
 * rows of the application's materials; "not stated" for an application filed without them.
 */
export function parkProfileItems(view: Schema<'CaseView'>, t: TFunction): NonNullable<DescriptionsProps['items']> {
  const notStated = t('console.park.profile.notStated');
  const { parkKind, privateCapital } = view;
  const kind = parkKind && t(`common.parkKinds.${parkKind.kind}`);
  const form = privateCapital && t(`console.park.profile.capitalForms.${privateCapital.form}`);
  return [
    {
      key: 'parkKind',
      label: t('console.park.profile.kind'),
      children: parkKind?.specialism
        ? t('console.park.profile.kindWithSpecialism', { kind, specialism: parkKind.specialism })
        : (kind ?? notStated),
    },
    {
      key: 'privateCapital',
      label: t('console.park.profile.capital'),
      children: privateCapital
        ? t('console.park.profile.capitalWithOperator', {
            form: privateCapital.description
              ? t('console.park.profile.formDescribed', { form, description: privateCapital.description })
              : form,
            operator: privateCapital.operator,
          })
        : notStated,
    },
  ];
}

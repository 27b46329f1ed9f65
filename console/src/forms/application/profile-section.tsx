import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARK_KINDS, PRIVATE_CAPITAL_FORMS } from '../../../../workflows/definitions/application';
import { RadioChoice } from '../../actions/forms/choice-groups';
import { required } from '../required';
import { SectionCard } from './section-card';

/**
 * R-APP-9: what kind of park it is (区域性, or 专业性 with the line it serves) and how private capital takes part, with
 * the operator. Optional and never a reason to return; the text that goes with one choice only (the specialism, the
 * description of an `other` form) is asked for with that choice alone, as the API wants it.
 */
export function ProfileSection() {
  const { t } = useTranslation();
  const label = (key: 'kind' | 'specialism' | 'capital' | 'operator' | 'description') =>
    t(`console.park.profile.${key}`);
  return (
    <SectionCard title={t('console.park.profile.heading')}>
      <Typography.Paragraph type="secondary">{t('console.park.profile.lead')}</Typography.Paragraph>
      <Form.Item name={['parkKind', 'kind']} label={label('kind')}>
        <RadioChoice
          label={label('kind')}
          options={PARK_KINDS.map((kind) => ({ value: kind, label: t(`common.parkKinds.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={[['parkKind', 'kind']]}>
        {({ getFieldValue }) =>
          getFieldValue(['parkKind', 'kind']) === 'specialised' && (
            <Form.Item
              name={['parkKind', 'specialism']}
              label={label('specialism')}
              extra={t('console.park.profile.specialismHelp')}
              rules={[{ ...required(t, label('specialism')), whitespace: true }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name={['privateCapital', 'form']} label={label('capital')}>
        <Select
          allowClear
          style={{ maxWidth: 320 }}
          options={PRIVATE_CAPITAL_FORMS.map((form) => ({
            value: form,
            label: t(`console.park.profile.capitalForms.${form}`),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={[['privateCapital', 'form']]}>
        {({ getFieldValue }) => {
          const form = getFieldValue(['privateCapital', 'form']);
          if (!form) return null;
          return (
            <>
              <Form.Item
                name={['privateCapital', 'operator']}
                label={label('operator')}
                rules={[{ ...required(t, label('operator')), whitespace: true }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              {form === 'other' && (
                <Form.Item
                  name={['privateCapital', 'description']}
                  label={label('description')}
                  rules={[{ ...required(t, label('description')), whitespace: true }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
    </SectionCard>
  );
}

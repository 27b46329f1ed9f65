import { Checkbox, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { SERVICE_FUNCTIONS } from '../../../../workflows/definitions/policy';
import { useDistrictName } from '../../components/use-district-name';
import { useNoteRule } from './note-rules';
import { SectionCard } from './section-card';
import { required } from '../required';

/** The park: its name, the applying district (the officer's own, fixed), floor area (R-APP-4), functions (R-APP-5). */
export function ParkSection({ district }: { district: string }) {
  const { t } = useTranslation();
  const note = useNoteRule();
  const districtName = useDistrictName();
  const label = (key: 'name' | 'district' | 'floorArea' | 'serviceFunctions') => t(`console.application.park.${key}`);
  return (
    <SectionCard title={t('console.application.sections.park')}>
      <Form.Item name="parkName" label={label('name')} rules={[required(t, label('name'))]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={label('district')} htmlFor="application-district">
        <Input id="application-district" value={districtName(district)} readOnly variant="borderless" />
      </Form.Item>
      <Form.Item
        name="floorAreaSqm"
        label={label('floorArea')}
        rules={[required(t, label('floorArea')), note(['floorAreaSqm'])]}
      >
        <InputNumber<number> min={0} style={{ width: '100%', maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="serviceFunctions" label={label('serviceFunctions')} rules={[note(['serviceFunctions'])]}>
        <Checkbox.Group
          options={SERVICE_FUNCTIONS.map((code) => ({ value: code, label: t(`rules.serviceFunctions.${code}`) }))}
        />
      </Form.Item>
    </SectionCard>
  );
}

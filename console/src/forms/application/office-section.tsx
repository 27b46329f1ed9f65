import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DynamicList } from '../dynamic-list';
import { useNoteRule } from './note-rules';
import { SectionCard } from './section-card';
import { required } from '../required';

/** The park's standing operating office (R-APP-6): its staff, each named, with role and whether full-time. */
export function OfficeSection() {
  const { t } = useTranslation();
  const note = useNoteRule();
  const name = t('console.application.staff.name');
  return (
    <SectionCard title={t('console.application.sections.office')}>
      <DynamicList
        name={['operatingOffice', 'staff']}
        title={t('console.application.staff.list')}
        addText={t('console.application.staff.add')}
        newItem={{ fullTime: true }}
        rules={[note(['operatingOffice', 'staff'])]}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, 'name']} label={name} rules={[required(t, name)]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={[field.name, 'role']} label={t('console.application.staff.role')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={[field.name, 'fullTime']} valuePropName="checked" style={{ marginTop: 30 }}>
              <Checkbox>{t('console.application.staff.fullTime')}</Checkbox>
            </Form.Item>
          </>
        )}
      </DynamicList>
    </SectionCard>
  );
}

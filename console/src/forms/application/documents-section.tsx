import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../day-input';
import { DynamicList } from '../dynamic-list';
import { FieldGroup } from '../field-group';
import { useNoteRule } from './note-rules';
import { SectionCard } from './section-card';
import { required } from '../required';

const LETTER = ['documents', 'districtGovernmentLetter'];
const REPORT = ['documents', 'feasibilityReport'];
/** R-APP-2 (§4.1): what the report states; their names are the rules catalogue's (`rules.feasibilityParts`). */
const REPORT_PARTS = ['functionalPositioning', 'serviceSystem', 'operatingModel', 'developmentPlan'] as const;

/**
 * The materials (§5.1): the district government's letter (R-APP-1), the planning & feasibility report with what it
 * states (R-APP-2), and the district's issued measures promoting the park (R-APP-8).
 */
export function DocumentsSection() {
  const { t } = useTranslation();
  const note = useNoteRule();
  const measure = (key: 'title' | 'reference' | 'date') => t(`console.application.measures.${key}`);
  return (
    <SectionCard title={t('console.application.sections.documents')}>
      <FieldGroup title={t('console.application.letter.title')}>
        <Form.Item
          name={[...LETTER, 'reference']}
          label={t('console.application.letter.reference')}
          rules={[note([...LETTER, 'reference'])]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={[...LETTER, 'date']} label={t('console.application.letter.date')}>
          <DayInput />
        </Form.Item>
      </FieldGroup>
      <FieldGroup title={t('console.application.feasibility.title')}>
        <Form.Item
          name={[...REPORT, 'reference']}
          label={t('console.application.feasibility.reference')}
          rules={[note([...REPORT, 'reference'])]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {REPORT_PARTS.map((part) => (
          <Form.Item
            key={part}
            name={[...REPORT, part]}
            label={t(`rules.feasibilityParts.${part}`)}
            rules={[note([...REPORT, part])]}
          >
            <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        ))}
      </FieldGroup>
      <DynamicList
        name={['documents', 'supportMeasures']}
        title={t('console.application.measures.list')}
        addText={t('console.application.measures.add')}
        newItem={{}}
        rules={[note(['documents', 'supportMeasures'])]}
      >
        {(field) => (
          <>
            <Form.Item
              name={[field.name, 'title']}
              label={measure('title')}
              rules={[required(t, measure('title'))]}
              style={{ minWidth: 300 }}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={[field.name, 'reference']} label={measure('reference')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={[field.name, 'date']} label={measure('date')} rules={[required(t, measure('date'))]}>
              <DayInput />
            </Form.Item>
          </>
        )}
      </DynamicList>
    </SectionCard>
  );
}

import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../money-input';
import { useNoteRule } from './note-rules';
import { SectionCard } from './section-card';
import { required } from '../required';

/** Projected HR-service revenue, 代收代付 included (R-APP-7): the first and the third operating year, in whole yuan. */
export function RevenueSection() {
  const { t } = useTranslation();
  const note = useNoteRule();
  return (
    <SectionCard title={t('console.application.sections.revenue')}>
      {(['firstYear', 'thirdYear'] as const).map((year) => {
        const label = t(`console.application.revenue.${year}`);
        return (
          <Form.Item
            key={year}
            name={['projectedRevenue', year]}
            label={label}
            rules={[required(t, label), note(['projectedRevenue', year])]}
          >
            <MoneyInput />
          </Form.Item>
        );
      })}
    </SectionCard>
  );
}

import { Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../api/client';
import { FieldGroup } from './field-group';
import { MoneyInput } from './money-input';
import { required } from './required';

type SubsidyUse = Schema<'SubsidyUseDto'>;

/** R-SUB-2: the five headings the subsidy is for, then `other` (the policy says *mainly* for the five). */
const HEADINGS = ['rent', 'renovation', 'propertyManagement', 'publicFacilities', 'operations', 'other'] as const;

/** The subsidy's use in the year by heading (R-SUB-2), in whole yuan, with their total. */
export function SubsidyUseFields() {
  const { t } = useTranslation();
  const use = Form.useWatch<Partial<SubsidyUse> | undefined>('subsidyUse');
  const total = HEADINGS.reduce((sum, heading) => sum + (use?.[heading] ?? 0), 0);
  return (
    <FieldGroup title={t('console.application.report.subsidyUse')}>
      <Row gutter={16}>
        {HEADINGS.map((heading) => {
          const label = t(`console.application.report.headings.${heading}`);
          return (
            <Col key={heading} xs={24} md={12}>
              <Form.Item
                name={['subsidyUse', heading]}
                label={label}
                rules={heading === 'other' ? [] : [required(t, label)]}
              >
                <MoneyInput />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
      <Typography.Text strong>{t('console.application.report.subsidyTotal', { total })}</Typography.Text>
    </FieldGroup>
  );
}

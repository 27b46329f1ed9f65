import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isValidCreditCode } from '../../../../api/applications/credit-code';
import { DynamicList } from '../dynamic-list';
import { useNoteRule } from './note-rules';
import { SectionCard } from './section-card';
import { required } from '../required';

/**
 * The roster of resident agencies (入驻机构名录, R-APP-3): each agency's name and its 18-character unified social
 * credit code, checked with the API's own GB 32100-2015 check character before sending (a 422 otherwise).
 */
export function AgenciesSection() {
  const { t } = useTranslation();
  const note = useNoteRule();
  const name = t('console.application.agency.name');
  const creditCode = t('console.application.agency.creditCode');
  const validCode = {
    validator: async (_rule: unknown, code: string | undefined) => {
      if (code && !isValidCreditCode(code))
        throw new Error(t('validation.isUnifiedSocialCreditCode', { field: creditCode }));
    },
  };
  return (
    <SectionCard title={t('console.application.sections.agencies')}>
      <DynamicList
        name={['agencies']}
        title={t('console.application.agency.list')}
        addText={t('console.application.agency.add')}
        newItem={{}}
        rules={[note(['agencies'])]}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, 'name']} label={name} rules={[required(t, name)]} style={{ minWidth: 260 }}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name={[field.name, 'creditCode']}
              label={creditCode}
              rules={[required(t, creditCode), validCode]}
              normalize={(code: string) => code.toUpperCase()}
              style={{ minWidth: 260 }}
            >
              <Input maxLength={18} />
            </Form.Item>
          </>
        )}
      </DynamicList>
    </SectionCard>
  );
}

import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLICY } from '../../../../workflows/definitions/policy';
import { ActionForm } from './action-form';
import { useActionForm, type ActionFormProps } from './use-action-form';

interface IncubationBaseValues {
  decisionReference?: string;
}

/**
 * 认定为创业孵化基地 (R-SUB-3): a confirmation, with the decision's document number if there is one; the grant's amount
 * is the policy's, never the officer's.
 */
export function IncubationBaseForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'incubationBase', IncubationBaseValues>('incubationBase', props);
  const finish = ({ decisionReference }: IncubationBaseValues) =>
    handle.send(decisionReference?.trim() ? { decisionReference: decisionReference.trim() } : {});
  return (
    <ActionForm handle={handle} submitText={t('console.actions.incubation.submit')} onFinish={finish}>
      <Typography.Paragraph>
        {t('console.actions.incubation.lead', { amount: DEFAULT_POLICY.incubationGrantCny })}
      </Typography.Paragraph>
      <Form.Item name="decisionReference" label={t('console.actions.incubation.decisionReference')}>
        <Input maxLength={100} />
      </Form.Item>
    </ActionForm>
  );
}

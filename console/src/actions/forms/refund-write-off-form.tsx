import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionForm } from './action-form';
import { outstandingRefund } from './refund-demand';
import { useActionForm, type ActionFormProps } from './use-action-form';

interface WriteOffValues {
  reason: string;
}

/** 核销 (R-PAY-1): the municipal bureau writes off the unpaid rest of an escalated refund demand, with its reason. */
export function RefundWriteOffForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'refundWriteOff', WriteOffValues>('refundWriteOff', props);
  return (
    <ActionForm handle={handle} submitText={t('console.actions.writeOff.submit')} onFinish={handle.send}>
      <Typography.Paragraph>
        {t('console.actions.writeOff.lead', { outstanding: outstandingRefund(props.view) })}
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('console.actions.writeOff.reason')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ActionForm>
  );
}

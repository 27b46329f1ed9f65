import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionForm } from './action-form';
import { MoneyInput } from '../../forms/money-input';
import { ReceiptFields } from './fields';
import { outstandingRefund } from './refund-demand';
import { useActionForm, type ActionFormProps } from './use-action-form';

interface RefundValues {
  amount: number;
  paidAt: string;
  bankReference: string;
}

/** 退还款到账 (R-REF-1): finance records money received against the refund demand, at most what is outstanding. */
export function RefundPaymentForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'refundPayment', RefundValues>('refundPayment', props);
  const outstanding = outstandingRefund(props.view);
  const range = t('console.actions.refund.outstanding', {
    outstanding,
    amount: props.view.refundDemand?.amount ?? 0,
    paid: props.view.refundDemand?.paidAmount ?? 0,
  });
  return (
    <ActionForm handle={handle} submitText={t('console.actions.refund.submit')} onFinish={handle.send}>
      <Typography.Paragraph>{range}</Typography.Paragraph>
      <Form.Item
        name="amount"
        label={t('console.actions.refund.amount')}
        rules={[{ required: true, type: 'number', min: 1, max: outstanding, message: range }]}
      >
        <MoneyInput />
      </Form.Item>
      <ReceiptFields />
    </ActionForm>
  );
}

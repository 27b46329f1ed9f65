import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { ActionForm } from './action-form';
import { ReceiptFields } from './fields';
import { useActionForm, type ActionFormProps } from './use-action-form';

type Payment = Schema<'CaseView'>['payments'][number];

interface ReceiptValues {
  paidAt: string;
  bankReference: string;
}

/** 确认拨付 (§5.2, R-PAY-1): finance confirms each disbursement instructed to the treasury, once, on its own. */
export function ConfirmPaymentForm(props: ActionFormProps) {
  const instructed = props.view.payments.filter((payment) => payment.status === 'instructed');
  return (
    <List
      dataSource={instructed}
      rowKey="paymentId"
      renderItem={(payment) => (
        <List.Item>
          <PaymentConfirmation {...props} payment={payment} />
        </List.Item>
      )}
    />
  );
}

/** One instructed payment: what and how much, and when and under which bank reference the money arrived. */
function PaymentConfirmation({ payment, ...props }: ActionFormProps & { payment: Payment }) {
  const { t } = useTranslation();
  const handle = useActionForm<'confirmPayment', ReceiptValues>('confirmPayment', props, payment.paymentId);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t(`notices.paymentKinds.${payment.kind}`)}</Typography.Text>
        <Typography.Text>{t('console.actions.amount', { amount: payment.amount })}</Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {t('console.actions.payment.instructed', { paymentId: payment.paymentId, at: payment.instructedAt })}
      </Typography.Text>
      <ActionForm
        handle={handle}
        submitText={t('console.actions.payment.submit')}
        onFinish={(body) => handle.send(body, { paymentId: payment.paymentId })}
      >
        <ReceiptFields />
      </ActionForm>
    </Space>
  );
}

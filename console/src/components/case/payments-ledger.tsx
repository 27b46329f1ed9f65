import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { STATUS_COLOURS } from '../../theme';
import { Section } from './section';

type Payment = Schema<'CaseView'>['payments'][number];

const sum = (payments: Payment[]): number => payments.reduce((total, payment) => total + payment.amount, 0);

/**
 * 拨付记录 (§5.2, R-SUB-1/3): every payment instructed on the case — tranches and the incubation grant — with its
 * confirmation by finance, and the totals received and still awaiting confirmation.
 */
export function PaymentsLedger({ payments }: { payments: Payment[] }) {
  const { t } = useTranslation();
  const day = (at: string | undefined) => (at ? t('console.day', { at }) : '');
  const paid = payments.filter((payment) => payment.status === 'paid');
  const instructed = payments.filter((payment) => payment.status === 'instructed');
  return (
    <Section title={t('console.casePage.payments.heading')}>
      <Table<Payment>
        aria-label={t('console.casePage.payments.heading')}
        rowKey="paymentId"
        dataSource={payments}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('console.casePage.payments.empty') }}
        columns={[
          {
            title: t('console.casePage.payments.kind'),
            key: 'kind',
            render: (_, payment) => t(`notices.paymentKinds.${payment.kind}`),
          },
          {
            title: t('console.casePage.payments.amount'),
            key: 'amount',
            align: 'right',
            render: (_, payment) => t('console.casePage.money', { amount: payment.amount }),
          },
          {
            title: t('console.casePage.payments.status'),
            key: 'status',
            render: (_, payment) => (
              <Tag color={payment.status === 'paid' ? STATUS_COLOURS.done : STATUS_COLOURS.waiting}>
                {t(`console.casePage.payments.statuses.${payment.status}`)}
              </Tag>
            ),
          },
          {
            title: t('console.casePage.payments.instructedAt'),
            key: 'instructedAt',
            render: (_, payment) => day(payment.instructedAt),
          },
          {
            title: t('console.casePage.payments.confirmBy'),
            key: 'confirmBy',
            render: (_, payment) => day(payment.confirmBy),
          },
          { title: t('console.casePage.payments.paidAt'), key: 'paidAt', render: (_, payment) => day(payment.paidAt) },
          { title: t('console.casePage.payments.bankReference'), dataIndex: 'bankReference' },
        ]}
        footer={
          payments.length > 0
            ? () => (
                <Space size="large" wrap>
                  <Typography.Text strong>
                    {t('console.casePage.payments.totalPaid', { amount: sum(paid) })}
                  </Typography.Text>
                  <Typography.Text>
                    {t('console.casePage.payments.totalInstructed', { amount: sum(instructed) })}
                  </Typography.Text>
                </Space>
              )
            : undefined
        }
      />
    </Section>
  );
}

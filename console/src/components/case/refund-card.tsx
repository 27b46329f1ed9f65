import { Descriptions, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { STATUS_COLOURS } from '../../theme';
import { Section } from './section';
import { useOfficerLabel } from './use-officer-label';

type RefundDemand = NonNullable<Schema<'CaseView'>['refundDemand']>;

const COLOURS: Record<RefundDemand['status'], string> = {
  open: STATUS_COLOURS.waiting,
  settled: STATUS_COLOURS.done,
  escalated: STATUS_COLOURS.overdue,
  written_off: STATUS_COLOURS.attention,
};

/**
 * 退还补助资金 (R-REF-1, R-PAY-1): the amount ordered with the revocation, what has come back, what is outstanding,
 * the deadline, and the municipal bureau's write-off of an escalated rest.
 */
export function RefundCard({ demand }: { demand: RefundDemand | null | undefined }) {
  const { t } = useTranslation();
  const officer = useOfficerLabel();
  const money = (amount: number) => t('console.casePage.money', { amount });
  return (
    <Section title={t('console.casePage.refund.heading')}>
      {demand ? (
        <Descriptions bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('console.casePage.refund.amount')}>{money(demand.amount)}</Descriptions.Item>
          <Descriptions.Item label={t('console.casePage.refund.paid')}>{money(demand.paidAmount)}</Descriptions.Item>
          <Descriptions.Item label={t('console.casePage.refund.outstanding')}>
            {money(demand.amount - demand.paidAmount)}
          </Descriptions.Item>
          <Descriptions.Item label={t('console.casePage.refund.dueAt')}>
            {t('console.day', { at: demand.dueAt })}
          </Descriptions.Item>
          <Descriptions.Item label={t('console.casePage.refund.status')}>
            <Tag color={COLOURS[demand.status]}>{t(`console.casePage.refund.statuses.${demand.status}`)}</Tag>
          </Descriptions.Item>
          {demand.writeOff && (
            <Descriptions.Item label={t('console.casePage.refund.writeOff')}>
              {t('console.casePage.refund.writeOffText', { ...demand.writeOff, by: officer(demand.writeOff.by) })}
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <Empty description={t('console.casePage.refund.none')} />
      )}
    </Section>
  );
}

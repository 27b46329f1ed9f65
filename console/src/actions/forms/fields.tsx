import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../../forms/day-input';
import { chongqingToday } from '../../locale';

/** A day that has not come yet in Chongqing (money cannot have arrived on it, nor an opinion been given). */
export const isAfterToday = (day: Dayjs): boolean => day.format('YYYY-MM-DD') > chongqingToday();

/** When and under which bank reference money arrived: a payment's confirmation, a refund's receipt. */
export function ReceiptFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="paidAt" label={t('console.actions.paidAt')} rules={[{ required: true }]}>
        <DayInput disabledDate={isAfterToday} style={{ width: '100%', maxWidth: 320 }} />
      </Form.Item>
      <Form.Item
        name="bankReference"
        label={t('console.actions.bankReference')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={100} style={{ maxWidth: 320 }} />
      </Form.Item>
    </>
  );
}

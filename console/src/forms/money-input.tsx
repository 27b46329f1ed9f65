import { InputNumber, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** Digits grouped by thousands as the officer types (350000000 → 350,000,000). */
const grouped = (value: number | string | undefined): string =>
  value === undefined ? '' : `${value}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** What the officer typed, without the grouping: whole yuan. */
const digitsOf = (text: string | undefined): number => Number((text ?? '').replace(/[^\d]/g, ''));

/**
 * An amount in whole yuan (元), as the API takes every amount: an integer, shown grouped with its unit so that a
 * hundred million is not misread as ten million.
 */
export function MoneyInput(props: InputNumberProps<number>) {
  const { t } = useTranslation();
  return (
    <InputNumber<number>
      min={0}
      precision={0}
      controls={false}
      formatter={grouped}
      parser={digitsOf}
      suffix={t('console.application.yuan')}
      style={{ width: '100%', maxWidth: 320 }}
      {...props}
    />
  );
}

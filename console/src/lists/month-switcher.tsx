import { Button, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** A month as `YYYY-MM`, one month before or after another. */
export const monthAfter = (month: string, months: number): string =>
  dayjs(`${month}-01`).add(months, 'month').format('YYYY-MM');

/**
 * The calendar's own header: 上个月, the month (a labelled month picker), 下个月, 本月. It replaces Ant Design's
 * header, whose year and month selects have no accessible names.
 */
export function MonthSwitcher(props: { month: string; thisMonth: string; onChange: (month: string) => void }) {
  const { month, thisMonth, onChange } = props;
  const { t } = useTranslation();
  return (
    <Space wrap style={{ padding: '8px 0' }}>
      <Button onClick={() => onChange(monthAfter(month, -1))}>{t('console.lists.calendar.previous')}</Button>
      <label htmlFor="calendar-month">{t('console.lists.calendar.month')}</label>
      <DatePicker
        id="calendar-month"
        picker="month"
        allowClear={false}
        value={dayjs(`${month}-01`)}
        onChange={(chosen) => chosen && onChange(chosen.format('YYYY-MM'))}
      />
      <Button onClick={() => onChange(monthAfter(month, 1))}>{t('console.lists.calendar.next')}</Button>
      <Button disabled={month === thisMonth} onClick={() => onChange(thisMonth)}>
        {t('console.lists.calendar.thisMonth')}
      </Button>
    </Space>
  );
}

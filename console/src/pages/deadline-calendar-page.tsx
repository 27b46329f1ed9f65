import { Alert, Calendar, Flex, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDeadlinesBetween, WHOLE_LIST_BOUND, type DeadlineRow } from '../api/list-queries';
import { LoadFailure } from '../components/load-failure';
import { useDistrictName } from '../components/use-district-name';
import { chongqingToday } from '../locale';
import { DayDeadlines } from '../lists/day-deadlines';
import { ExportButtons } from '../lists/export-buttons';
import { deadlineTable } from '../lists/list-exports';
import { MonthSwitcher } from '../lists/month-switcher';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = 'YYYY-MM-DD';

/** The deadlines by the Chongqing day they fall on (R-CAL-1). */
function byDueDate(deadlines: DeadlineRow[]): Map<string, DeadlineRow[]> {
  const days = new Map<string, DeadlineRow[]>();
  for (const deadline of deadlines) days.set(deadline.dueDate, [...(days.get(deadline.dueDate) ?? []), deadline]);
  return days;
}

/**
 * 期限日历 (issue 21 item 5): a month of the deadlines across the cases the officer may see, each day listing what
 * falls due on it (overdue in red), each linking to its case; the month is in the address (`?month=2027-03`) and
 * can be exported.
 */
export default function DeadlineCalendarPage() {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const [params, setParams] = useSearchParams();
  const today = chongqingToday();
  const thisMonth = today.slice(0, 7);
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) ? asked : thisMonth;
  const first = `${month}-01`;
  const deadlines = useDeadlinesBetween(first, dayjs(first).endOf('month').format(DAY));
  const shown = deadlines.isPlaceholderData ? undefined : deadlines.data;
  const days = useMemo(() => byDueDate(shown?.items ?? []), [shown]);
  const [picked, setPicked] = useState<string>();
  const showMonth = (chosen: string): void => setParams(chosen === thisMonth ? {} : { month: chosen });
  const selected = [picked, today].find((day) => day?.startsWith(month)) ?? first;
  const pick = (day: Dayjs): void => {
    setPicked(day.format(DAY));
    if (day.format('YYYY-MM') !== month) showMonth(day.format('YYYY-MM'));
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('console.lists.calendar.title')}
      </Typography.Title>
      <Flex justify="space-between" align="start" wrap gap="middle">
        <Typography.Text>{shown && t('console.lists.calendar.count', { count: shown.items.length })}</Typography.Text>
        <ExportButtons
          disabled={!shown}
          build={async () => deadlineTable(t, districtName, month, shown ?? { items: [], cut: false })}
        />
      </Flex>
      {shown?.cut && (
        <Alert type="warning" showIcon message={t('console.lists.calendar.cut', { count: WHOLE_LIST_BOUND })} />
      )}
      {deadlines.error && <LoadFailure error={deadlines.error} retry={deadlines.refetch} />}
      <Spin spinning={deadlines.isFetching}>
        <Calendar
          value={dayjs(selected)}
          onSelect={pick}
          headerRender={() => <MonthSwitcher month={month} thisMonth={thisMonth} onChange={showMonth} />}
          cellRender={(day, info) =>
            info.type === 'date' && day.format('YYYY-MM') === month ? (
              <DayDeadlines deadlines={days.get(day.format(DAY)) ?? []} />
            ) : null
          }
        />
      </Spin>
    </Space>
  );
}

import { Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { cloneElement, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../workflows/definitions/civil-date';
import { useWorkCalendar } from '../../api/action-queries';
import { DayInput } from '../../forms/day-input';
import { chongqingToday } from '../../locale';

const DAY = 'YYYY-MM-DD';
const isWeekend = (day: string): boolean => [0, 6].includes(dayjs(day).day());

/** The days a month's panel shows: the month with the days of the weeks around it. */
function panelRange(month: Dayjs): { from: string; to: string } {
  return {
    from: month.startOf('month').subtract(7, 'day').format(DAY),
    to: month.endOf('month').add(14, 'day').format(DAY),
  };
}

/**
 * A deadline the bureau sets (R-EVL-1: rectify by): a future Chongqing working day. Rest days are greyed out from the
 * work calendar (R-CAL-3): the weekends not listed as make-up working days and the holidays' rest days, each with its
 * reason on hover; a year whose arrangement is not published yet is named under the picker.
 */
export function WorkingDayInput(props: { value?: string; onChange?: (day: string | undefined) => void; id?: string }) {
  const { t } = useTranslation();
  const earliest = addDays(chongqingToday(), 1);
  const [month, setMonth] = useState(() => dayjs(props.value ?? earliest));
  const { from, to } = panelRange(month);
  const { data: calendar } = useWorkCalendar(from, to);
  const listed = new Map(calendar?.days.map((day) => [day.date, day]));
  const restReason = (day: string): string | undefined => {
    const entry = listed.get(day);
    if (entry) return entry.kind === 'rest' ? entry.reason : undefined;
    return isWeekend(day) ? t('console.actions.evaluation.weekend') : undefined;
  };
  const provisional = calendar?.provisionalYears ?? [];
  return (
    <>
      <DayInput
        {...props}
        style={{ width: '100%', maxWidth: 320 }}
        defaultPickerValue={dayjs(earliest)}
        onPanelChange={(shown) => setMonth(shown)}
        disabledDate={(current) => {
          const day = current.format(DAY);
          return day < earliest || restReason(day) !== undefined;
        }}
        cellRender={(current, info) => {
          if (info.type !== 'date' || !dayjs.isDayjs(current)) return info.originNode;
          const day = current.format(DAY);
          const title = restReason(day) ?? listed.get(day)?.reason;
          return title ? cloneElement(info.originNode as ReactElement<{ title?: string }>, { title }) : info.originNode;
        }}
      />
      {provisional.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
          {t('console.actions.evaluation.provisional', { years: provisional })}
        </Typography.Paragraph>
      )}
    </>
  );
}

import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

/** The form of every day the API takes (R-CAL-1: a Chongqing civil day). */
const DAY = 'YYYY-MM-DD';

type DayInputProps = Omit<DatePickerProps, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (day: string | undefined) => void;
};

/**
 * A day picked from a calendar, kept in the form as `YYYY-MM-DD`, the text the API takes: a civil day, never an
 * instant, so no time zone moves it, and a kept half-filled form (sessionStorage, JSON) restores it as it was.
 */
export function DayInput({ value, onChange, ...props }: DayInputProps) {
  return (
    <DatePicker
      format={DAY}
      {...props}
      value={value ? dayjs(value) : null}
      onChange={(picked) => onChange?.(picked ? picked.format(DAY) : undefined)}
    />
  );
}

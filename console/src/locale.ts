import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Locale } from '../../workflows/definitions/message-ref';

/** Policy dates are Chongqing days (R-CAL-1): every date the console computes is in Asia/Shanghai. */
export const CHONGQING = 'Asia/Shanghai';
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.tz.setDefault(CHONGQING);

/** Ant Design's texts (pagination, empty states, date pickers) in the console's language. */
export const ANTD_LOCALES: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, en: enUS };
/** dayjs' locale names for the console's languages. */
export const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Today, the Chongqing day, as `YYYY-MM-DD`. */
export const chongqingToday = (): string => dayjs().tz(CHONGQING).format('YYYY-MM-DD');

/** Whole Chongqing days from today to `day` (`YYYY-MM-DD`): 0 today, negative once it has passed. */
export const daysUntil = (day: string): number =>
  dayjs.tz(day, CHONGQING).diff(dayjs.tz(chongqingToday(), CHONGQING), 'day');

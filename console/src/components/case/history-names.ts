import type { TFunction } from 'i18next';
import type { consoleCase } from '../../../../i18n/catalogues/zh-CN/console-case';

/** The timed events' names in the catalogue, by series. */
type TimerKind = keyof (typeof consoleCase)['history']['timers'];

/**
 * A timed event is recorded as `timer:<series key>` (workflows/lifecycle/schedule.ts `fireDue`); the keys carry
 * instants and ids, so each series is recognised by its key's pattern (schedule.ts and late-series.ts).
 */
const TIMER_SERIES: ReadonlyArray<[RegExp, Exclude<TimerKind, 'other'>]> = [
  [/^resubmission:.+:reminder$/, 'resubmission_reminder'],
  [/^resubmission:.+:lapse$/, 'resubmission_lapse'],
  [/^review:.+:reminder$/, 'review_reminder'],
  [/^review:.+:overdue$/, 'review_overdue'],
  [/^payment:.+:confirmation$/, 'payment_confirmation'],
  [/^report:\d+:reminder$/, 'report_reminder'],
  [/^report:(\d+:overdue$|overdue:)/, 'report_overdue'],
  [/^evaluation:/, 'evaluation_due'],
  [/^rectification:/, 'rectification_due'],
  [/^refund:reminder$/, 'refund_reminder'],
  [/^refund:escalation$/, 'refund_escalation'],
  [/^refund:overdue$/, 'refund_overdue'],
];

const TIMER = 'timer:';

/**
 * What an audit entry's action is called in the reader's language: an officer action or system event by its
 * catalogue name (its code when the catalogue has none), a timed event by its series (with the report year its key
 * names).
 */
export function actionName(action: string, t: TFunction): string {
  if (!action.startsWith(TIMER)) return t('console.casePage.history.action', { code: action });
  const key = action.slice(TIMER.length);
  const code: TimerKind = TIMER_SERIES.find(([pattern]) => pattern.test(key))?.[1] ?? 'other';
  const year = /^report:(\d+):/.exec(key)?.[1];
  return year
    ? t('console.casePage.history.timerOfYear', { code, year })
    : t('console.casePage.history.timer', { code });
}

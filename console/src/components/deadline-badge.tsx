import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../api/queries';
import { daysUntil } from '../locale';
import { STATUS_COLOURS } from '../theme';

/** Days before a deadline at which it is shown in warning colours. */
const SOON_DAYS = 7;

/**
 * A deadline as the officer needs it: its Chongqing day, the days left (red once overdue, orange when soon), why
 * it falls on that day when R-CAL-3 moved it off a rest day, and that it may still move when its year's holiday
 * arrangement is not published (provisional).
 */
/** What the badge reads of a deadline: the case view's deadline, or a row of the list across cases. */
type BadgeDeadline = Pick<Deadline, 'kind' | 'dueDate' | 'shiftedFrom' | 'reason' | 'provisional'>;

export function DeadlineBadge({ deadline, showKind = false }: { deadline: BadgeDeadline; showKind?: boolean }) {
  const { t } = useTranslation();
  const days = daysUntil(deadline.dueDate);
  const left =
    days < 0
      ? { color: STATUS_COLOURS.overdue, text: t('console.deadline.overdue', { count: -days }) }
      : days === 0
        ? { color: STATUS_COLOURS.attention, text: t('console.deadline.dueToday') }
        : {
            color: days <= SOON_DAYS ? STATUS_COLOURS.attention : STATUS_COLOURS.waiting,
            text: t('console.deadline.daysLeft', { count: days }),
          };
  return (
    <Space direction="vertical" size={0}>
      <Space wrap size="small">
        {showKind && <span>{t(`common.deadlineKinds.${deadline.kind}`)}</span>}
        <span>{t('console.day', { at: deadline.dueDate })}</span>
        <Tag color={left.color}>{left.text}</Tag>
      </Space>
      {deadline.shiftedFrom && (
        <Typography.Text type="secondary">
          {t('console.deadline.shifted', { from: deadline.shiftedFrom, reason: deadline.reason, to: deadline.dueDate })}
        </Typography.Text>
      )}
      {deadline.provisional && <Typography.Text type="secondary">{t('console.deadline.provisional')}</Typography.Text>}
    </Space>
  );
}

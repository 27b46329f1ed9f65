import { Empty, Space, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { civilDateOf } from '../../../../workflows/definitions/civil-date';
import { useCaseHistory, type HistoryEntry } from '../../api/case-queries';
import { CHONGQING } from '../../locale';
import { LoadFailure } from '../load-failure';
import { detailLines, rulesCited } from './history-details';
import { actionName } from './history-names';
import { Section } from './section';
import { useOfficerLabel } from './use-officer-label';

/** 办理记录: the case's audit trail, newest first — when (Chongqing), who, what, the rules cited and key details. */
export function HistoryTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const history = useCaseHistory(caseId);
  const officer = useOfficerLabel();
  // The workflow's own events are recorded by the actor `{ id: 'system', role: 'system' }`.
  const who = ({ actor }: HistoryEntry): string =>
    actor.role === 'system'
      ? t('console.casePage.history.system')
      : t('console.casePage.history.actor', { role: actor.role, who: officer(actor.id) });
  const body = () => {
    if (history.isPending) return <Spin />;
    if (history.error) return <LoadFailure error={history.error} retry={history.refetch} />;
    if (history.data.length === 0) return <Empty description={t('console.casePage.history.empty')} />;
    return (
      <Timeline
        items={history.data.map((entry, index) => {
          const rules = rulesCited(entry.details);
          return {
            key: `${entry.at}-${index}`,
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{actionName(entry.action, t)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('console.casePage.history.meta', {
                    at: civilDateOf(entry.at),
                    time: dayjs(entry.at).tz(CHONGQING).format('HH:mm'),
                    who: who(entry),
                  })}
                </Typography.Text>
                {rules.length > 0 && <span>{t('console.casePage.history.rules', { rules })}</span>}
                {detailLines(entry.details, t, officer).map((line, place) => (
                  <span key={`${place}-${line}`}>{line}</span>
                ))}
              </Space>
            ),
          };
        })}
      />
    );
  };
  return <Section title={t('console.casePage.sections.history')}>{body()}</Section>;
}

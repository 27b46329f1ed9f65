import { Alert, DatePicker, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isCivilDate } from '../../../workflows/definitions/civil-date';
import { useDesignationStats } from '../api/list-queries';
import { useMe } from '../api/queries';
import { LoadFailure } from '../components/load-failure';
import { DesignationView } from '../lists/designation-view';

/**
 * 认定统计 (issue 21 item 5; §3, R-STAT-1): how many parks are designated, per district, and against the programme
 * target, now or at a Chongqing day (`?at=2022-12-31`, in the address); exported to Excel or CSV. The municipal
 * bureau's only: others are told so, and nothing is asked of the API for them.
 */
export default function StatsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const asked = params.get('at') ?? '';
  const at = isCivilDate(asked) ? asked : undefined;
  const municipal = me.data?.role === 'municipal';
  const stats = useDesignationStats(at, municipal);
  const title = (
    <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
      {t('console.lists.stats.title')}
    </Typography.Title>
  );
  if (me.isPending) return <Spin />;
  if (!municipal) {
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {title}
        <Alert type="info" showIcon message={t('console.lists.stats.municipalOnly')} />
      </Space>
    );
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {title}
      <Space direction="vertical" size={0}>
        <Space>
          <label htmlFor="stats-at">{t('console.lists.stats.at')}</label>
          <DatePicker
            id="stats-at"
            value={at ? dayjs(at) : null}
            onChange={(day) => setParams(day ? { at: day.format('YYYY-MM-DD') } : {})}
          />
        </Space>
        <Typography.Text type="secondary">{t('console.lists.stats.atHint')}</Typography.Text>
      </Space>
      {stats.error && <LoadFailure error={stats.error} retry={stats.refetch} />}
      {stats.isPending ? <Spin /> : stats.data && <DesignationView stats={stats.data} />}
    </Space>
  );
}

import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportsDue } from '../api/application-queries';
import type { Schema } from '../api/client';
import { useMe } from '../api/queries';
import { DeadlineBadge } from '../components/deadline-badge';
import { LoadFailure } from '../components/load-failure';
import { reportYearOf } from './report-years';

type DeadlineItem = Schema<'DeadlineItem'>;

/**
 * 应报送的年度报告 on the district officer's workbench: each park's yearly report due or overdue (R-RPT-1), earliest
 * first, linking to its case, with the days left. Nothing for other roles. Light on purpose: it is on the first page.
 */
export function ReportsDue() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const district = me?.role === 'district';
  const due = useReportsDue(district);
  if (!district) return null;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('console.application.reportsDue.title')}
        </Typography.Title>
      }
    >
      {due.error ? (
        <LoadFailure error={due.error} retry={due.refetch} />
      ) : (
        <List<DeadlineItem>
          loading={due.isPending}
          dataSource={due.data?.items ?? []}
          locale={{ emptyText: t('console.application.reportsDue.none') }}
          renderItem={(item) => (
            <List.Item key={`${item.caseId}-${item.dueAt}`}>
              <List.Item.Meta
                title={<Link to={`/cases/${item.caseId}`}>{item.parkName}</Link>}
                description={
                  <Space wrap>
                    <span>{t('console.application.reportsDue.year', { year: reportYearOf(item.dueDate) })}</span>
                    <DeadlineBadge deadline={item} />
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

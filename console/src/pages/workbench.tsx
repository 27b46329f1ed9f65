import { Badge, Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schema } from '../api/client';
import { useCaseList, useNotifications } from '../api/queries';
import { DeadlineBadge } from '../components/deadline-badge';
import { FileApplicationButton } from '../forms/file-application-button';
import { ReportsDue } from '../forms/reports-due';
import { LoadFailure } from '../components/load-failure';
import { StageTag } from '../components/stage-tag';
import { useDistrictName } from '../components/use-district-name';

/**
 * The officer's workbench (工作台): their inbox beside the cases they may see, each linking to its case. Lists, not
 * tables: Ant Design's Table would add about 60 kB (gzip) to the first page; the filtered case list is a page of its
 * own.
 */
export function WorkbenchPage() {
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={9}>
        <Space direction="vertical" size={24} style={{ width: '100%' }}>
          <Inbox />
          <ReportsDue />
        </Space>
      </Col>
      <Col xs={24} xl={15}>
        <CaseList />
      </Col>
    </Row>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const title = (
    <Space>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('console.workbench.inbox')}
      </Typography.Title>
      {notifications.data && notifications.data.unreadCount > 0 && (
        <Tag color="red">{t('console.workbench.unread', { count: notifications.data.unreadCount })}</Tag>
      )}
    </Space>
  );
  return (
    <Card title={title}>
      {notifications.error ? (
        <LoadFailure error={notifications.error} retry={notifications.refetch} />
      ) : (
        <List
          loading={notifications.isPending}
          dataSource={notifications.data?.items ?? []}
          locale={{ emptyText: t('console.workbench.noNotifications') }}
          renderItem={(notice) => (
            <List.Item key={notice.id}>
              <List.Item.Meta
                title={
                  <Space>
                    {!notice.read && <Badge status="error" />}
                    <Link to={`/cases/${notice.caseId}`}>{notice.parkName}</Link>
                  </Space>
                }
                description={
                  <>
                    <div>{notice.message}</div>
                    <Typography.Text type="secondary">{t('console.day', { at: notice.createdAt })}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

type CaseSummary = Schema<'CaseSummary'>;

function CaseList() {
  const { t } = useTranslation();
  const cases = useCaseList();
  const districtName = useDistrictName();
  const rows = cases.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('console.workbench.cases')}
        </Typography.Title>
      }
      extra={<FileApplicationButton />}
    >
      {cases.error ? (
        <LoadFailure error={cases.error} retry={cases.refetch} />
      ) : (
        <List<CaseSummary>
          loading={cases.isPending}
          dataSource={rows}
          locale={{ emptyText: t('console.workbench.noCases') }}
          renderItem={(row) => (
            <List.Item key={row.caseId} data-testid="case-row">
              <List.Item.Meta
                title={<Link to={`/cases/${row.caseId}`}>{row.parkName}</Link>}
                description={
                  <Space wrap>
                    <StageTag stage={row.stage} />
                    <span>{districtName(row.district)}</span>
                    {row.nextDeadline && <DeadlineBadge deadline={row.nextDeadline} showKind />}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {cases.hasNextPage && (
        <Button style={{ marginTop: 16 }} loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()}>
          {t('console.workbench.more')}
        </Button>
      )}
    </Card>
  );
}

import { Alert, Card, Descriptions, List, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiFailure, type Schema } from '../api/client';
import { useCase, type Deadline } from '../api/queries';
import { DeadlineBadge } from '../components/deadline-badge';
import { LoadFailure } from '../components/load-failure';
import { StageTag } from '../components/stage-tag';
import { useDistrictName } from '../components/use-district-name';

type Finding = Schema<'CaseView'>['deficiencies'][number];

/** One case: its stage, its deadlines with the days left, and what the filing lacks (deficiencies, flags). */
export default function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const found = useCase(caseId);
  const districtName = useDistrictName();
  const back = <Link to="/">{t('console.casePage.back')}</Link>;
  if (found.isPending) return <Spin />;
  if (found.error) {
    const missing = found.error instanceof ApiFailure && found.error.status === 404;
    return (
      <Space direction="vertical">
        {back}
        {missing ? (
          <Alert type="warning" showIcon message={t('console.casePage.notFound')} />
        ) : (
          <LoadFailure error={found.error} retry={found.refetch} />
        )}
      </Space>
    );
  }
  const view = found.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {back}
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {view.parkName}
      </Typography.Title>
      <Descriptions bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('console.casePage.stage')}>
          <StageTag stage={view.stage} />
        </Descriptions.Item>
        <Descriptions.Item label={t('console.casePage.district')}>{districtName(view.district)}</Descriptions.Item>
        <Descriptions.Item label={t('console.casePage.openedAt')}>
          {t('console.day', { at: view.openedAt })}
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('console.casePage.deadlines')}>
        <Table<Deadline>
          rowKey={(deadline) => `${deadline.kind}-${deadline.dueAt}`}
          dataSource={view.deadlines}
          pagination={false}
          locale={{ emptyText: t('console.casePage.noDeadlines') }}
          columns={[
            {
              title: t('console.casePage.deadlineKind'),
              key: 'kind',
              render: (_, deadline) => t(`common.deadlineKinds.${deadline.kind}`),
            },
            {
              title: t('console.casePage.remaining'),
              key: 'remaining',
              render: (_, deadline) => <DeadlineBadge deadline={deadline} />,
            },
          ]}
        />
      </Card>
      <Findings title={t('console.casePage.deficiencies')} items={view.deficiencies} />
      {view.flags.length > 0 && <Findings title={t('console.casePage.flags')} items={view.flags} />}
    </Space>
  );
}

/** Deficiencies or flags: each rule cited beside the message (already in the officer's language). */
function Findings({ title, items }: { title: string; items: Finding[] }) {
  const { t } = useTranslation();
  return (
    <Card title={title}>
      <List
        dataSource={items}
        locale={{ emptyText: t('console.casePage.noDeficiencies') }}
        renderItem={(finding) => (
          <List.Item>
            <Space align="start">
              <Typography.Text strong>{finding.rule}</Typography.Text>
              <span>{finding.message}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../api/client';
import { usePublishedParks } from '../api/list-queries';
import { LoadFailure } from '../components/load-failure';
import { StageTag } from '../components/stage-tag';
import type { common } from '../../../i18n/catalogues/zh-CN/common';

type PublishedPark = Schema<'PublishedParkView'>;
type ParkKind = keyof typeof common.parkKinds;

/**
 * 市级人力资源服务产业园名单 (R-STAT-1, §5.1; the policy is published, 主动公开): the parks on the list now — name,
 * district, kind (R-APP-9), year of designation, certificate number, status — and nothing else. Outside the
 * signed-in pages: anyone may read it, and it asks the API for nothing that needs a token.
 */
export default function PublicParksPage() {
  const { t, i18n } = useTranslation();
  const parks = usePublishedParks(i18n.language);
  const kindName = (kind: string | null): string =>
    kind === null
      ? t('console.lists.publicParks.kindUnstated')
      : t(`common.parkKinds.${kind as ParkKind}`, { defaultValue: kind });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('console.lists.publicParks.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('console.lists.publicParks.lead')}</Typography.Paragraph>
      {parks.error ? (
        <LoadFailure error={parks.error} retry={parks.refetch} />
      ) : (
        <Table<PublishedPark>
          rowKey="certificateNo"
          loading={parks.isPending}
          dataSource={parks.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('console.lists.publicParks.empty') }}
          columns={[
            { title: t('console.lists.publicParks.parkName'), dataIndex: 'parkName' },
            { title: t('console.lists.publicParks.district'), dataIndex: 'districtName' },
            { title: t('console.lists.publicParks.kind'), key: 'kind', render: (_, park) => kindName(park.kind) },
            { title: t('console.lists.publicParks.designatedYear'), dataIndex: 'designatedYear' },
            { title: t('console.lists.publicParks.certificateNo'), dataIndex: 'certificateNo' },
            {
              title: t('console.lists.publicParks.status'),
              key: 'status',
              render: (_, park) => <StageTag stage={park.status} />,
            },
          ]}
        />
      )}
    </Space>
  );
}

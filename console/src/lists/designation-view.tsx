import { Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schema } from '../api/client';
import { useDistrictName } from '../components/use-district-name';
import { ExportButtons } from './export-buttons';
import { designationTable } from './list-exports';
import { targetOutcome } from './target-outcome';

type Stats = Schema<'DesignationStats'>;

/**
 * The designation statistics as answered: the total, the §3 target (R-STAT-1: met, not met, or not judged yet), the
 * count per district and per kind of park (R-APP-9), the parks.
 */
export function DesignationView({ stats }: { stats: Stats }) {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const { target } = stats;
  const outcome = targetOutcome(target);
  const kindName = (kind: Stats['byKind'][number]['kind']) =>
    kind === null ? t('console.park.profile.notStated') : t(`common.parkKinds.${kind}`);
  const heading = (text: string) => (
    <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
      {text}
    </Typography.Title>
  );
  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="start" wrap gap="middle">
        <Flex gap="large" align="center" wrap>
          <Statistic title={t('console.lists.stats.total')} value={stats.total} />
          <span>
            {t('console.lists.stats.target', { count: target.parks, byEndOf: target.byEndOf })}{' '}
            <Tag color={outcome.colour}>{t(`console.lists.stats.${outcome.key}`)}</Tag>
            <br />
            <Typography.Text type="secondary">
              {t('console.lists.stats.designatedByThen', { count: target.designatedByThen, byEndOf: target.byEndOf })}
            </Typography.Text>
          </span>
        </Flex>
        <ExportButtons build={async () => designationTable(t, districtName, stats)} />
      </Flex>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={9}>
          <Card title={heading(t('console.lists.stats.byDistrict'))}>
            <Table<Stats['byDistrict'][number]>
              rowKey="district"
              dataSource={stats.byDistrict}
              pagination={false}
              locale={{ emptyText: t('console.lists.stats.noParks') }}
              columns={[
                {
                  title: t('console.lists.cases.district'),
                  key: 'district',
                  render: (_, row) => districtName(row.district),
                },
                { title: t('console.lists.stats.designated'), dataIndex: 'designated', align: 'right' },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('console.lists.stats.sum')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {stats.total}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
          <Card title={heading(t('console.lists.stats.byKind'))} style={{ marginTop: 24 }}>
            <Table<Stats['byKind'][number]>
              rowKey={(row) => row.kind ?? 'unstated'}
              dataSource={stats.byKind}
              pagination={false}
              locale={{ emptyText: t('console.lists.stats.noParks') }}
              columns={[
                { title: t('console.lists.stats.kind'), key: 'kind', render: (_, row) => kindName(row.kind) },
                { title: t('console.lists.stats.designated'), dataIndex: 'designated', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card title={heading(t('console.lists.stats.parks'))}>
            <Table<Stats['parks'][number]>
              rowKey="caseId"
              dataSource={stats.parks}
              pagination={false}
              locale={{ emptyText: t('console.lists.stats.noParks') }}
              columns={[
                {
                  title: t('console.lists.cases.parkName'),
                  key: 'parkName',
                  render: (_, park) => <Link to={`/cases/${park.caseId}`}>{park.parkName}</Link>,
                },
                {
                  title: t('console.lists.cases.district'),
                  key: 'district',
                  render: (_, park) => districtName(park.district),
                },
                { title: t('console.lists.stats.kind'), key: 'kind', render: (_, park) => kindName(park.kind) },
                {
                  title: t('console.lists.stats.designatedAt'),
                  key: 'designatedAt',
                  render: (_, park) => t('console.day', { at: park.designatedAt }),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

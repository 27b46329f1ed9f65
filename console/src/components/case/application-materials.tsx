import { Descriptions, Table, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agency, ParkApplication } from '../../../../workflows/definitions/application';
import type { Schema } from '../../api/client';
import { parkProfileItems } from './park-profile';
import { Section } from './section';

/**
 * 申报材料: the application as last filed (§5.1) — what the experts review and the municipal bureau checks: the park,
 * its roster of agencies, its operating office, its projected revenue and its documents, under the labels the district
 * filed them with.
 */
export function ApplicationMaterials({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  // The API documents the application as an object: it is the filing as the workflow keeps it.
  const application = view.application as unknown as ParkApplication | null;
  const title = t('console.application.sections.documents');
  if (!application) return <Section title={title}>{t('console.casePage.materials.none')}</Section>;
  const { documents, projectedRevenue, operatingOffice } = application;
  const money = (amount: number) => t('console.casePage.money', { amount });
  const letter = documents.districtGovernmentLetter;
  const report = documents.feasibilityReport;
  const items: DescriptionsProps['items'] = [
    ...parkProfileItems(view, t),
    { key: 'floorArea', label: t('console.application.park.floorArea'), children: application.floorAreaSqm },
    {
      key: 'serviceFunctions',
      label: t('console.application.park.serviceFunctions'),
      children: application.serviceFunctions.map((code) => t(`rules.serviceFunctions.${code}`)).join('、'),
    },
    {
      key: 'firstYear',
      label: t('console.application.revenue.firstYear'),
      children: money(projectedRevenue.firstYear),
    },
    {
      key: 'thirdYear',
      label: t('console.application.revenue.thirdYear'),
      children: money(projectedRevenue.thirdYear),
    },
    {
      key: 'staff',
      label: t('console.application.staff.list'),
      children: (operatingOffice?.staff ?? []).map((staff) => `${staff.name}（${staff.role ?? ''}）`).join('、'),
    },
    {
      key: 'letter',
      label: t('console.application.letter.title'),
      children: letter ? `${letter.reference} ${letter.date ? t('console.day', { at: letter.date }) : ''}` : '—',
    },
    { key: 'report', label: t('console.application.feasibility.title'), children: report?.reference ?? '—' },
    ...(report
      ? (['functionalPositioning', 'serviceSystem', 'operatingModel', 'developmentPlan'] as const).map((part) => ({
          key: part,
          label: t(`rules.feasibilityParts.${part}`),
          children: report[part],
        }))
      : []),
    {
      key: 'measures',
      label: t('console.application.measures.list'),
      children: (documents.supportMeasures ?? []).map((m) => `${m.title}（${m.reference}）`).join('；') || '—',
    },
  ];
  return (
    <Section title={title}>
      <Descriptions bordered size="small" column={1} items={items} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('console.application.agency.list')}
      </Typography.Title>
      <Table<Agency>
        aria-label={t('console.application.agency.list')}
        rowKey="creditCode"
        size="small"
        dataSource={application.agencies}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('console.application.agency.name'), dataIndex: 'name' },
          { title: t('console.application.agency.creditCode'), dataIndex: 'creditCode' },
        ]}
      />
    </Section>
  );
}

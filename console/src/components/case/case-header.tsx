import { Descriptions, Space, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schema } from '../../api/client';
import { StageTag } from '../stage-tag';
import { hasCertificate } from './certificate-stages';
import { useDistrictName } from '../use-district-name';

/**
 * The case page's head: the park's name (the page's h1), its stage, district and filing date, and — once designated —
 * the certificate (number, date, subsidy) with the way to print it; a rejection's reasons when not designated.
 */
export function CaseHeader({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const { designation, rejection } = view;
  const items: DescriptionsProps['items'] = [
    { key: 'stage', label: t('console.casePage.stage'), children: <StageTag stage={view.stage} /> },
    { key: 'district', label: t('console.casePage.district'), children: districtName(view.district) },
    { key: 'openedAt', label: t('console.casePage.openedAt'), children: t('console.day', { at: view.openedAt }) },
  ];
  if (designation) {
    items.push(
      {
        key: 'certificateNo',
        label: t('console.casePage.certificateNo'),
        children: (
          <Space wrap>
            {designation.certificateNo}
            {hasCertificate(view.stage) && (
              <Link to={`/cases/${view.caseId}/certificate`}>{t('console.casePage.printCertificate')}</Link>
            )}
          </Space>
        ),
      },
      {
        key: 'designatedAt',
        label: t('console.casePage.designatedAt'),
        children: t('console.day', { at: designation.designatedAt }),
      },
      {
        key: 'subsidy',
        label: t('console.casePage.subsidy'),
        children: t('console.casePage.money', { amount: designation.subsidyAmount }),
      },
    );
  }
  if (rejection) items.push({ key: 'rejection', label: t('console.casePage.rejection'), children: rejection.reason });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {view.parkName}
      </Typography.Title>
      <Descriptions bordered column={{ xs: 1, md: 3 }} items={items} />
    </Space>
  );
}

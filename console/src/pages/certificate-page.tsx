import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Schema } from '../api/client';
import { hasCertificate } from '../components/case/certificate-stages';
import { CertificateSheet } from '../components/case/certificate-sheet';
import { WithCase } from '../components/case/with-case';

/**
 * The printable designation certificate of a case (`/cases/:caseId/certificate`): only a designated or rectifying
 * park holds one; for any other stage the page says why there is none.
 */
export default function CertificatePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const back = <Link to={`/cases/${caseId}`}>{t('console.casePage.certificate.back')}</Link>;
  return (
    <WithCase caseId={caseId} back={back}>
      {(view) => <Certificate view={view} back={back} />}
    </WithCase>
  );
}

function Certificate({ view, back }: { view: Schema<'CaseView'>; back: JSX.Element }) {
  const { t } = useTranslation();
  const designation = hasCertificate(view.stage) ? view.designation : undefined;
  if (!designation)
    return (
      <Space direction="vertical" size="large">
        {back}
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('console.casePage.certificate.title')}
        </Typography.Title>
        <Alert type="info" showIcon message={t('console.casePage.certificate.unavailable', { stage: view.stage })} />
      </Space>
    );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space className="certificate-controls" size="large">
        {back}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('console.casePage.certificate.print')}
        </Button>
      </Space>
      <CertificateSheet view={view} designation={designation} />
    </Space>
  );
}

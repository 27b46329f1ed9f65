import { Alert, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../api/queries';
import { LoadFailure } from '../components/load-failure';
import { ApplicationForm } from '../forms/application/application-form';
import { NEW_APPLICATION } from '../forms/application/values';

/**
 * 申报 (§5.1): a district officer files an application for a park in their own district; once filed, its case page
 * opens (a deficient filing is a returned case there, its deficiencies at their fields for the resubmission).
 */
export default function ApplicationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const heading = (
    <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
      {t('console.application.pageTitle')}
    </Typography.Title>
  );
  let body;
  if (me.isPending) body = <Spin />;
  else if (me.error) body = <LoadFailure error={me.error} retry={me.refetch} />;
  else if (me.data.role !== 'district' || !me.data.district)
    body = <Alert type="info" showIcon message={t('console.application.districtOnly')} />;
  else
    body = (
      <ApplicationForm
        path="/v1/applications"
        keptKey="application"
        district={me.data.district}
        initialValues={NEW_APPLICATION}
        submitText={t('console.application.submit')}
        onFiled={(caseId) => void navigate(caseId ? `/cases/${caseId}` : '/')}
      />
    );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <Link to="/">{t('console.application.back')}</Link>
      {heading}
      {body}
    </Space>
  );
}

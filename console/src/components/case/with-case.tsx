import { Alert, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, type Schema } from '../../api/client';
import { useCase } from '../../api/queries';
import { LoadFailure } from '../load-failure';

/**
 * A page of one case (`GET /v1/cases/{caseId}`): a spinner while it loads; the way back with "not found" (a case of
 * another district is not told apart from none, 404) or the failure and a retry; else the page for the case.
 */
export function WithCase({
  caseId,
  back,
  children,
}: {
  caseId: string;
  back: ReactNode;
  children: (view: Schema<'CaseView'>) => ReactNode;
}) {
  const { t } = useTranslation();
  const found = useCase(caseId);
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
  return children(found.data);
}

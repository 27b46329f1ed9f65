import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionFormProps } from '../actions/forms/use-action-form';
import { MissingPapers } from './missing-papers';
import { awaitsAcceptance } from './paper-rules';

/** The case page's section that holds the papers and their upload. */
const PAPERS_SECTION = 'materials';

/**
 * 上传材料 among the actions the officer may take: the upload itself is in the papers section, beside the papers it
 * adds to, so this says so and leads there — with, before acceptance, the papers acceptance still lacks (R-DOC-1),
 * unless the acceptance form beside it shows them.
 */
export function AttachDocumentNote({ view }: ActionFormProps) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {/* The bureau sees what is missing in its acceptance form already. */}
      {awaitsAcceptance(view.stage) && !view.allowedActions.includes('acceptance') && (
        <MissingPapers caseId={view.caseId} />
      )}
      <Typography.Text>{t('console.documents.attach.lead')}</Typography.Text>
      <Link to={{ search: `?section=${PAPERS_SECTION}` }}>{t('console.documents.attach.open')}</Link>
    </Space>
  );
}

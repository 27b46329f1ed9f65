import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseDocuments } from '../api/document-queries';
import { missingPapers } from './paper-rules';

/**
 * R-DOC-1 before acceptance: which of the papers acceptance needs the case has no document for — or that they are all
 * there. Shown where the bureau accepts and where the district uploads; the API's refusal still names each (and a
 * roster that disagrees with the filing, which only the API reads).
 */
export function MissingPapers({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const documents = useCaseDocuments(caseId);
  if (!documents.data) return null; // the papers section shows a failed read
  const missing = missingPapers(documents.data);
  if (missing.length === 0) {
    return <Alert type="success" showIcon role="status" message={t('console.documents.missing.complete')} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="missing-papers"
      message={t('console.documents.missing.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {missing.map((purpose) => (
            <li key={purpose}>{t(`rules.documentPurposes.${purpose}`)}</li>
          ))}
        </ul>
      }
    />
  );
}

import { Alert, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../api/client';
import { documentLink, useCaseDocuments, type CaseDocument } from '../api/document-queries';
import { Section } from '../components/case/section';
import { LoadFailure } from '../components/load-failure';
import { MissingPapers } from './missing-papers';
import { PaperPreview, type Previewed } from './paper-preview';
import { PaperUpload } from './paper-upload';
import { awaitsAcceptance, missingPapers } from './paper-rules';
import { PapersTable } from './papers-table';

/**
 * 材料文件 (R-DOC-1, issue 25): the papers uploaded to the case, each previewed or downloaded through a link the API
 * signs when asked (valid 5 minutes, every download in the case's history); before acceptance, which required papers
 * are missing; and the upload, for whoever may upload now (`attachDocument` among the case's allowed actions).
 */
export function PapersSection({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  const documents = useCaseDocuments(view.caseId);
  const [previewed, setPreviewed] = useState<Previewed>();
  const [linkFailure, setLinkFailure] = useState<string>();
  const papers = documents.data ?? [];
  const failed = (paper: CaseDocument, error: Error) =>
    t('console.documents.linkFailed', { fileName: paper.fileName, message: error.message });

  const preview = (paper: CaseDocument) => {
    setPreviewed({ paper });
    documentLink(paper.documentId).then(
      ({ downloadUrl }) => setPreviewed((open) => (open?.paper === paper ? { paper, url: downloadUrl } : open)),
      (error: Error) =>
        setPreviewed((open) => (open?.paper === paper ? { paper, failure: failed(paper, error) } : open)),
    );
  };
  const download = (paper: CaseDocument) => {
    setLinkFailure(undefined);
    documentLink(paper.documentId).then(
      ({ downloadUrl }) => {
        const link = document.createElement('a');
        link.href = downloadUrl;
        link.download = paper.fileName;
        link.click();
      },
      (error: Error) => setLinkFailure(failed(paper, error)),
    );
  };

  const beforeAcceptance = awaitsAcceptance(view.stage);
  return (
    <Section title={t('console.documents.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="papers-section">
        {beforeAcceptance && <MissingPapers caseId={view.caseId} />}
        {documents.error ? (
          <LoadFailure error={documents.error} retry={documents.refetch} />
        ) : (
          <PapersTable documents={papers} loading={documents.isPending} onPreview={preview} onDownload={download} />
        )}
        {linkFailure && (
          <Alert type="error" showIcon closable message={linkFailure} onClose={() => setLinkFailure(undefined)} />
        )}
        {view.allowedActions.includes('attachDocument') && documents.data && (
          <PaperUpload
            caseId={view.caseId}
            documents={papers}
            suggested={beforeAcceptance ? missingPapers(papers)[0] : undefined}
          />
        )}
      </Space>
      <PaperPreview previewed={previewed} onClose={() => setPreviewed(undefined)} />
    </Section>
  );
}

import { Alert, Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../api/document-queries';
import { previewKind } from './paper-rules';

/** A paper being previewed: the paper, and its signed link once the API has given it (or why it did not). */
export interface Previewed {
  paper: CaseDocument;
  url?: string;
  failure?: string;
}

/**
 * 预览: the paper in a dialog, from its signed link (no bearer token: the signature is the credential) — a PDF in a
 * frame (the browser's own viewer), a scan as an image. The API serves it inline, framed by the console's origin only.
 */
export function PaperPreview({ previewed, onClose }: { previewed?: Previewed; onClose: () => void }) {
  const { t } = useTranslation();
  const paper = previewed?.paper;
  const title = paper ? t('console.documents.previewTitle', { fileName: paper.fileName }) : '';
  const body = () => {
    if (!previewed || !paper) return null;
    if (previewed.failure) return <Alert type="error" showIcon message={previewed.failure} />;
    if (!previewed.url) return <Spin />;
    return previewKind(paper.contentType) === 'image' ? (
      <img src={previewed.url} alt={paper.fileName} style={{ maxWidth: '100%' }} />
    ) : (
      <iframe
        src={previewed.url}
        title={title}
        data-testid="paper-frame"
        style={{ width: '100%', height: '70vh', border: 0 }}
      />
    );
  };
  return (
    <Modal
      open={Boolean(previewed)}
      title={title}
      closable={{ 'aria-label': t('console.documents.close') }}
      onCancel={onClose}
      footer={null}
      width={960}
      destroyOnHidden
    >
      {body()}
    </Modal>
  );
}

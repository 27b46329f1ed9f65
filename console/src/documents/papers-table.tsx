import { Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { civilDateOf } from '../../../workflows/definitions/civil-date';
import type { CaseDocument } from '../api/document-queries';
import { useOfficerLabel } from '../components/case/use-officer-label';
import { CHONGQING } from '../locale';
import { shortSha } from './fingerprint';
import { previewKind, sizeText, typeName } from './paper-rules';

/**
 * A case's papers, every version in the order uploaded: what each is for (the policy's terms), its file with its type
 * and size, who uploaded it when (Chongqing time), its SHA-256 (the start shown, the whole copied) and its preview
 * (PDF and images) and download. A version a later one replaced stays, marked as replaced.
 */
export function PapersTable({
  documents,
  loading,
  onPreview,
  onDownload,
}: {
  documents: readonly CaseDocument[];
  loading: boolean;
  onPreview: (paper: CaseDocument) => void;
  onDownload: (paper: CaseDocument) => void;
}) {
  const { t } = useTranslation();
  const officer = useOfficerLabel();
  const texts = 'console.documents.columns';
  return (
    <Table<CaseDocument>
      aria-label={t('console.documents.title')}
      data-testid="papers"
      rowKey="documentId"
      size="small"
      loading={loading}
      dataSource={[...documents]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('console.documents.empty') }}
      columns={[
        {
          title: t(`${texts}.purpose`),
          key: 'purpose',
          render: (_, paper) => t(`rules.documentPurposes.${paper.purpose}`),
        },
        {
          title: t(`${texts}.file`),
          key: 'file',
          render: (_, paper) => (
            <Space direction="vertical" size={0}>
              <Space size={4} wrap>
                <Typography.Text delete={Boolean(paper.replacedBy)}>{paper.fileName}</Typography.Text>
                {paper.replacedBy && <Tag>{t('console.documents.superseded')}</Tag>}
                {paper.replaces && <Tag color="blue">{t('console.documents.newVersion')}</Tag>}
              </Space>
              <Typography.Text type="secondary">
                {t('console.documents.facts', { type: typeName(paper.contentType, t), size: sizeText(paper.size, t) })}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t(`${texts}.uploaded`),
          key: 'uploaded',
          render: (_, paper) => (
            <Space direction="vertical" size={0}>
              <span>{officer(paper.uploadedBy)}</span>
              <Typography.Text type="secondary">
                {t('console.documents.at', {
                  at: civilDateOf(paper.uploadedAt),
                  time: dayjs(paper.uploadedAt).tz(CHONGQING).format('HH:mm'),
                })}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t(`${texts}.sha256`),
          key: 'sha256',
          render: (_, paper) => (
            <Typography.Text
              code
              copyable={{
                text: paper.sha256,
                tooltips: [t('console.documents.shaCopy'), t('console.documents.shaCopied')],
              }}
            >
              {shortSha(paper.sha256)}
            </Typography.Text>
          ),
        },
        {
          title: t(`${texts}.actions`),
          key: 'actions',
          fixed: 'right',
          render: (_, paper) => (
            <Space size={0}>
              {previewKind(paper.contentType) && (
                <Button type="link" onClick={() => onPreview(paper)}>
                  {t('console.documents.preview')}
                </Button>
              )}
              <Button type="link" onClick={() => onDownload(paper)}>
                {t('console.documents.download')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

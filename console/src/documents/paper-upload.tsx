import { InboxOutlined } from '@ant-design/icons';
import { Alert, Form, Progress, Select, Space, Typography, Upload } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_PURPOSES, type DocumentPurpose } from '../../../workflows/definitions/documents';
import type { CaseDocument } from '../api/document-queries';
import { PendingNotice } from '../actions/action-status';
import { FormTheme } from '../forms/form-theme';
import { MAX_PAPER_MEGABYTES, PAPER_FILE_TYPES } from './paper-rules';
import type { PaperFields } from './send-paper';
import { usePaperUpload, type UploadState } from './use-paper-upload';

/**
 * 上传材料 (R-DOC-1): what the paper is (its purpose, in the policy's terms; and, for a new version, the paper it
 * replaces), then the file — chosen or dropped — sent at once with its progress shown. `suggested` is chosen first
 * (a paper acceptance still lacks).
 */
export function PaperUpload({
  caseId,
  documents,
  suggested,
}: {
  caseId: string;
  documents: readonly CaseDocument[];
  suggested?: DocumentPurpose;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PaperFields>();
  const purpose = Form.useWatch('purpose', form);
  const { state, admits, upload, busy } = usePaperUpload(caseId);
  // Once a paper is recorded the form is ready for the next: no version to replace, and the next paper still missing.
  useEffect(() => {
    if (state.status === 'done')
      form.setFieldsValue({ replaces: undefined, ...(suggested ? { purpose: suggested } : {}) });
  }, [form, state.status, suggested]);
  // A new version replaces a paper of the same purpose that nothing has replaced yet (the API refuses any other).
  const replaceable = documents.filter((d) => d.purpose === purpose && !d.replacedBy);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('console.documents.upload.heading')}
      </Typography.Title>
      <FormTheme>
        <Form<PaperFields>
          form={form}
          name="paper-upload"
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ purpose: suggested }}
          onValuesChange={(changed: Partial<PaperFields>) => {
            if ('purpose' in changed) form.setFieldValue('replaces', undefined);
          }}
        >
          <Form.Item
            name="purpose"
            label={t('console.documents.upload.purpose')}
            extra={t('console.documents.upload.purposeHelp')}
          >
            <Select<DocumentPurpose>
              options={DOCUMENT_PURPOSES.map((value) => ({ value, label: t(`rules.documentPurposes.${value}`) }))}
            />
          </Form.Item>
          {replaceable.length > 0 && (
            <Form.Item
              name="replaces"
              label={t('console.documents.upload.replaces')}
              extra={t('console.documents.upload.replacesHelp')}
            >
              <Select allowClear options={replaceable.map((d) => ({ value: d.documentId, label: d.fileName }))} />
            </Form.Item>
          )}
          <Upload.Dragger
            accept={PAPER_FILE_TYPES}
            multiple={false}
            showUploadList={false}
            disabled={!purpose || busy}
            beforeUpload={(file) => admits(file) || Upload.LIST_IGNORE}
            customRequest={({ file }) => void upload(file as File, form.getFieldsValue())}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('console.documents.upload.choose')}</p>
            <p className="ant-upload-hint">
              {t('console.documents.upload.limits', { maxMegabytes: MAX_PAPER_MEGABYTES })}
            </p>
          </Upload.Dragger>
        </Form>
      </FormTheme>
      <UploadOutcome state={state} />
    </Space>
  );
}

/** The upload's progress or outcome below the form. */
function UploadOutcome({ state }: { state: UploadState }) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'uploading':
      return (
        <div role="status">
          <Typography.Text>{t('console.documents.upload.uploading', { fileName: state.fileName })}</Typography.Text>
          <Progress percent={state.percent} aria-label={t('console.documents.upload.progress')} />
        </div>
      );
    case 'processing':
      return <PendingNotice message={t('console.documents.upload.processing', { fileName: state.fileName })} />;
    case 'done':
      return (
        <Alert
          type="success"
          showIcon
          role="status"
          message={t('console.documents.upload.done', { fileName: state.fileName })}
        />
      );
    case 'running':
      return (
        <Alert type="warning" showIcon role="status" message={t('console.documents.upload.stillRunning', state)} />
      );
    case 'refused':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={state.summary}
          description={
            state.details.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {state.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )
          }
        />
      );
    default:
      return null;
  }
}

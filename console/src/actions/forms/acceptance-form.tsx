import { Alert, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MissingPapers } from '../../documents/missing-papers';
import { ActionForm } from './action-form';
import { RadioChoice } from './choice-groups';
import { useActionForm, type ActionFormProps } from './use-action-form';

interface AcceptanceValues {
  accepted: boolean;
  reason?: string;
  waiverReason?: string;
}

/**
 * 受理 (§5.1): accept the filed application or return it with a reason. An application with R-APP-4/5 flags (*in
 * principle* shortfalls) is accepted only with a waiver reason, so the flags are shown beside the field that needs it.
 * The papers acceptance needs that the case lacks are shown first (R-DOC-1: the API refuses, naming each).
 */
export function AcceptanceForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'acceptance', AcceptanceValues>('acceptance', props);
  const accepted = Form.useWatch('accepted', handle.form);
  const flags = props.view.flags;
  const decision = t('console.actions.acceptance.decision');
  const waiving = accepted === true && flags.length > 0;
  const finish = ({ accepted, reason, waiverReason }: AcceptanceValues) =>
    handle.send(accepted ? { accepted, ...(flags.length > 0 ? { waiverReason } : {}) } : { accepted, reason });
  return (
    <ActionForm handle={handle} submitText={t('console.actions.acceptance.submit')} onFinish={finish}>
      <div style={{ marginBottom: 16 }}>
        <MissingPapers caseId={props.view.caseId} />
      </div>
      <Form.Item name="accepted" label={decision} rules={[{ required: true }]}>
        <RadioChoice<boolean>
          label={decision}
          options={[
            { value: true, label: t('console.actions.acceptance.accept') },
            { value: false, label: t('console.actions.acceptance.return') },
          ]}
        />
      </Form.Item>
      {accepted === false && (
        <Form.Item
          name="reason"
          label={t('console.actions.acceptance.reason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {waiving && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('console.actions.acceptance.flags')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {flags.map((flag) => (
                  <li key={`${flag.rule}-${flag.field ?? ''}`}>
                    <Typography.Text strong>{flag.rule}</Typography.Text> {flag.message}
                  </li>
                ))}
              </ul>
            }
          />
          <Form.Item
            name="waiverReason"
            label={t('console.actions.acceptance.waiverReason')}
            extra={t('console.actions.acceptance.waiverHelp')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </ActionForm>
  );
}

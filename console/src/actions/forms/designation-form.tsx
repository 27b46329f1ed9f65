import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DESIGNATION_DECISIONS, type DesignationDecision } from '../../../../workflows/definitions/case';
import { DEFAULT_POLICY } from '../../../../workflows/definitions/policy';
import { ActionForm } from './action-form';
import { RadioChoice } from './choice-groups';
import { MoneyInput } from '../../forms/money-input';
import { ReviewScores } from './review-scores';
import { useActionForm, type ActionFormProps } from './use-action-form';

interface DesignationValues {
  decision: DesignationDecision;
  reason: string;
  subsidyAmount?: number;
  certificateNo?: string;
}

/** R-SUB-1: the subsidy of a designation (policy defaults; the case's own policy is checked by the API). */
const { subsidyMinCny: min, subsidyMaxCny: max } = DEFAULT_POLICY;

/**
 * 认定决定 (§5.1, §5.2): designate with a subsidy (R-SUB-1) or reject, with the reason, the panel's scores in view
 * (and, when a department objected, a reminder that the reason must answer it: R-REV-3).
 * The subsidy and certificate number go with a designation only.
 */
export function DesignationForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'designation', DesignationValues>('designation', props);
  const designating = Form.useWatch('decision', handle.form) === 'designate';
  const decision = t('console.actions.designation.decision');
  // R-REV-3: a designation over a department's objection must answer it in its reason, naming the department.
  const objecting = [
    ...new Set(props.view.departmentOpinions.filter((o) => o.position === 'object').map((o) => o.department)),
  ];
  const finish = ({ decision, reason, subsidyAmount, certificateNo }: DesignationValues) =>
    handle.send(
      decision === 'designate'
        ? { decision, reason, subsidyAmount, ...(certificateNo?.trim() ? { certificateNo: certificateNo.trim() } : {}) }
        : { decision, reason },
    );
  return (
    <>
      <ReviewScores view={props.view} />
      <ActionForm handle={handle} submitText={t('console.actions.designation.submit')} onFinish={finish}>
        <Form.Item name="decision" label={decision} rules={[{ required: true }]}>
          <RadioChoice<DesignationDecision>
            label={decision}
            options={DESIGNATION_DECISIONS.map((code) => ({
              value: code,
              label: t(`console.actions.designation.${code}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('console.actions.designation.reason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {designating && objecting.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('console.park.opinions.objection', { departments: objecting.join('、') })}
          />
        )}
        {designating && (
          <>
            <Form.Item
              name="subsidyAmount"
              label={t('console.actions.designation.subsidyAmount')}
              extra={t('console.actions.designation.subsidyRange', { min, max })}
              rules={[
                {
                  required: true,
                  type: 'number',
                  min,
                  max,
                  message: t('console.actions.designation.subsidyRange', { min, max }),
                },
              ]}
            >
              <MoneyInput />
            </Form.Item>
            <Form.Item name="certificateNo" label={t('console.actions.designation.certificateNo')}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
      </ActionForm>
    </>
  );
}

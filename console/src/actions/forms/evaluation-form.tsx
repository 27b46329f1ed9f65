import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  EVALUATION_OUTCOMES,
  REVOCATION_GROUNDS,
  type EvaluationOutcome,
  type RevocationGround,
} from '../../../../workflows/definitions/case';
import { MoneyInput } from '../../forms/money-input';
import { ActionForm } from './action-form';
import { CheckboxChoice, RadioChoice } from './choice-groups';
import { useActionForm, type ActionFormProps } from './use-action-form';
import { WorkingDayInput } from './working-day-input';

interface EvaluationValues {
  outcome: EvaluationOutcome;
  findings: string;
  rectifyBy?: string;
  grounds?: RevocationGround[];
  refundAmount?: number;
}

/**
 * 考评 (§5.3, R-EVL-1/2): renew, rectify by a working day, or revoke on one or more grounds, maybe ordering a refund
 * (R-REF-1). Each outcome's own fields only are shown and sent: the API refuses a field of another outcome.
 */
export function EvaluationForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'evaluation', EvaluationValues>('evaluation', props);
  const outcome = Form.useWatch('outcome', handle.form);
  const finish = ({ outcome, findings, rectifyBy, grounds, refundAmount }: EvaluationValues) =>
    handle.send({
      outcome,
      findings,
      ...(outcome === 'rectify' ? { rectifyBy } : {}),
      ...(outcome === 'revoke' ? { grounds, ...(refundAmount ? { refundAmount } : {}) } : {}),
    });
  return (
    <ActionForm handle={handle} submitText={t('console.actions.evaluation.submit')} onFinish={finish}>
      <Form.Item name="outcome" label={t('console.actions.evaluation.outcome')} rules={[{ required: true }]}>
        <RadioChoice<EvaluationOutcome>
          label={t('console.actions.evaluation.outcome')}
          options={EVALUATION_OUTCOMES.map((code) => ({
            value: code,
            label: t(`console.actions.evaluation.outcomes.${code}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('console.actions.evaluation.findings')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
      {outcome === 'rectify' && (
        <Form.Item
          name="rectifyBy"
          label={t('console.actions.evaluation.rectifyBy')}
          extra={t('console.actions.evaluation.rectifyByHelp')}
          rules={[{ required: true }]}
        >
          <WorkingDayInput />
        </Form.Item>
      )}
      {outcome === 'revoke' && (
        <>
          <Form.Item
            name="grounds"
            label={t('console.actions.evaluation.grounds')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <CheckboxChoice<RevocationGround>
              label={t('console.actions.evaluation.grounds')}
              options={REVOCATION_GROUNDS.map((code) => ({ value: code, label: t(`console.actions.grounds.${code}`) }))}
            />
          </Form.Item>
          <Form.Item name="refundAmount" label={t('console.actions.evaluation.refundAmount')}>
            <MoneyInput />
          </Form.Item>
        </>
      )}
    </ActionForm>
  );
}

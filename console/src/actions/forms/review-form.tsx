import { Alert, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionForm } from './action-form';
import { RadioChoice } from './choice-groups';
import { useActionForm, type ActionFormProps } from './use-action-form';

interface ReviewValues {
  necessity: number;
  feasibility: number;
  recommend: boolean;
  comments?: string;
}

/** §5.1: each score is a whole number from 0 to 100. */
const SCORE = { min: 0, max: 100, precision: 0, style: { width: 160 } } as const;

/** 专家评审意见 (§5.1): an expert's one opinion on the case, before the review window ends. */
export function ReviewForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'submitReview', ReviewValues>('submitReview', props);
  const dueAt = props.view.panel?.reviewDueAt;
  const recommend = t('console.actions.review.recommend');
  return (
    <ActionForm handle={handle} submitText={t('console.actions.review.submit')} onFinish={handle.send}>
      {dueAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('console.actions.review.dueAt', { at: dueAt })}
        />
      )}
      <Form.Item name="necessity" label={t('console.actions.review.necessity')} rules={[{ required: true }]}>
        <InputNumber<number> {...SCORE} />
      </Form.Item>
      <Form.Item name="feasibility" label={t('console.actions.review.feasibility')} rules={[{ required: true }]}>
        <InputNumber<number> {...SCORE} />
      </Form.Item>
      <Form.Item name="recommend" label={recommend} rules={[{ required: true }]}>
        <RadioChoice<boolean>
          label={recommend}
          options={[
            { value: true, label: t('console.actions.review.yes') },
            { value: false, label: t('console.actions.review.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="comments" label={t('console.actions.review.comments')}>
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
    </ActionForm>
  );
}

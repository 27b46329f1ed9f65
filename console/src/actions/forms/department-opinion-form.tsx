import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_POSITIONS } from '../../../../workflows/definitions/case';
import type { BodyOf } from '../send-action';
import { DayInput } from '../../forms/day-input';
import { required } from '../../forms/required';
import { ActionForm } from './action-form';
import { RadioChoice } from './choice-groups';
import { isAfterToday } from './fields';
import { useActionForm, type ActionFormProps } from './use-action-form';
import type { ActionPathOf } from './action-path';

type OpinionValues = BodyOf<ActionPathOf<'departmentOpinion'>>;

/**
 * 相关部门意见 (R-REV-3, §5.1 会同相关部门): the municipal officer records one department's opinion — support, support
 * with conditions, or objection — with its text and the Chongqing day it was given (not after today).
 */
export function DepartmentOpinionForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'departmentOpinion', OpinionValues>('departmentOpinion', props);
  const label = (key: 'department' | 'position' | 'opinion' | 'date') => t(`console.park.opinions.${key}`);
  return (
    <ActionForm handle={handle} submitText={t('console.park.opinions.submit')} onFinish={handle.send}>
      <Form.Item
        name="department"
        label={label('department')}
        extra={t('console.park.opinions.departmentHelp')}
        rules={[{ ...required(t, label('department')), whitespace: true }]}
      >
        <Input maxLength={100} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="position" label={label('position')} rules={[required(t, label('position'))]}>
        <RadioChoice
          label={label('position')}
          options={DEPARTMENT_POSITIONS.map((position) => ({
            value: position,
            label: t(`console.park.opinions.positions.${position}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="opinion"
        label={label('opinion')}
        rules={[{ ...required(t, label('opinion')), whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="date" label={label('date')} rules={[required(t, label('date'))]}>
        <DayInput disabledDate={isAfterToday} style={{ width: '100%', maxWidth: 320 }} />
      </Form.Item>
    </ActionForm>
  );
}

import { Button, Form, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FormTheme } from '../../forms/form-theme';
import { ActionStatus } from '../action-status';
import type { ActionState } from '../use-action';

/** What an action form's frame needs from {@link useActionForm}. */
export interface ActionFormHandle<Values> {
  form: FormInstance<Values>;
  formName: string;
  keep: () => void;
  state: ActionState;
  busy: boolean;
}

/**
 * The frame of every action form: the outcome above it (处理中, still running, refused), its fields laid out
 * vertically and kept as they change, and one submit button named by the action (busy while the action is sent or
 * followed). Its error and warning texts are in the forms' readable colours.
 */
export function ActionForm<Values>({
  handle,
  submitText,
  onFinish,
  children,
}: {
  handle: ActionFormHandle<Values>;
  submitText: string;
  onFinish: (values: Values) => void;
  children?: ReactNode;
}) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {/* Applied is said once, above all forms, by the action panel: this form may leave the case as it moves on. */}
      <ActionStatus state={handle.state.status === 'applied' ? { status: 'idle' } : handle.state} />
      <FormTheme>
        <Form<Values>
          form={handle.form}
          name={handle.formName}
          layout="vertical"
          style={{ maxWidth: 720 }}
          onValuesChange={handle.keep}
          onFinish={onFinish}
        >
          {children}
          <Button type="primary" htmlType="submit" loading={handle.busy}>
            {submitText}
          </Button>
        </Form>
      </FormTheme>
    </Space>
  );
}

import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionState } from './use-action';

/** 处理中: the API took the request (202) and the console follows it until the case shows its effect. */
export function PendingNotice({ message }: { message: string }) {
  return <Alert type="info" showIcon icon={<Spin size="small" />} message={message} role="status" />;
}

/** An action's outcome above its form: 处理中 while a 202 is followed, applied, still running, or the refusal's texts. */
export function ActionStatus({ state }: { state: ActionState }) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'processing':
      return <PendingNotice message={t('console.actions.processing')} />;
    case 'applied':
      return <Alert type="success" showIcon message={t('console.actions.applied')} role="status" />;
    case 'running':
      return (
        <Alert
          type="warning"
          showIcon
          message={t('console.actions.stillRunning', { updateId: state.updateId })}
          role="status"
        />
      );
    case 'refused':
      return state.messages.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('console.actions.refused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {state.messages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="error" showIcon role="alert" message={t('console.actions.refusedAtFields')} />
      );
    default:
      return null;
  }
}

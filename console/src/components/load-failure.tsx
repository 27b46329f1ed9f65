import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A read that failed: the API's message (already in the officer's language) and a retry. */
export function LoadFailure({ error, retry }: { error: Error; retry: () => unknown }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      message={t('console.loadFailed', { message: error.message })}
      action={
        <Button size="small" onClick={() => void retry()}>
          {t('console.retry')}
        </Button>
      }
    />
  );
}

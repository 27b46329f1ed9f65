import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useSession } from '../auth/session';

/** Where an officer who is not signed in lands: one button to the bureau's identity provider. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  return (
    <Card style={{ maxWidth: 480, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('console.signIn.heading')}
      </Typography.Title>
      {session.canSignIn ? (
        <>
          <Typography.Paragraph>{t('console.signIn.lead')}</Typography.Paragraph>
          <Button type="primary" size="large" onClick={() => void session.signIn(location.pathname + location.search)}>
            {t('console.signIn.button')}
          </Button>
        </>
      ) : (
        <Alert type="warning" showIcon message={t('console.signIn.notConfigured')} />
      )}
    </Card>
  );
}

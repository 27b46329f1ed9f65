import { Alert, Button, Card, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session';

/** Where the identity provider sends the officer back: completes the sign-in, then on to where they were going. */
export function SignedInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();
  const started = useRef(false); // the code can be exchanged once only
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    session.completeSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      (error: Error) => setFailure(error.message),
    );
  }, [session, navigate]);
  return (
    <Card style={{ maxWidth: 480, margin: '48px auto' }}>
      {failure ? (
        <Alert
          type="error"
          showIcon
          message={t('console.signIn.failed', { reason: failure })}
          action={<Button onClick={() => void session.signIn()}>{t('console.signIn.button')}</Button>}
        />
      ) : (
        <Spin tip={t('console.signIn.working')}>
          <div style={{ height: 80 }} />
        </Spin>
      )}
    </Card>
  );
}

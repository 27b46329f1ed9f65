import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../workflows/definitions/message-ref';
import { answerOf, api, ApiFailure } from './api/client';
import { App } from './app';
import { SessionProvider, type ConsoleConfig } from './auth/session';
import { i18n } from './i18n';
import { ANTD_LOCALES, DAYJS_LOCALES } from './locale';
import { THEME } from './theme';

const queries = new QueryClient({
  defaultOptions: {
    // A refused or missing resource is an answer, not a hiccup: only other failures are retried (twice).
    queries: { retry: (count, error) => count < 2 && !(error instanceof ApiFailure && error.status < 500) },
  },
});

/** Ant Design and dayjs in the console's language (zh-CN by default), following the language switch. */
function Localized({ config }: { config: ConsoleConfig }) {
  const { i18n: engine } = useTranslation();
  const locale = engine.language as Locale;
  dayjs.locale(DAYJS_LOCALES[locale]);
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={THEME}>
      <SessionProvider config={config}>
        <App />
      </SessionProvider>
    </ConfigProvider>
  );
}

/** Reads the console's sign-in settings from the API first: the issuer and client to sign in with. */
function Root() {
  const [config, setConfig] = useState<ConsoleConfig>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    answerOf(api.GET('/v1/public/console-config')).then(setConfig, (error: Error) => setFailure(error.message));
  }, []);
  if (failure) return <p role="alert">{i18n.t('console.loadFailed', { message: failure })}</p>;
  return config ? <Localized config={config} /> : null;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);

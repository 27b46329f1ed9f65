import { Button, Layout, Segmented, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCALES, type Locale } from '../../../workflows/definitions/message-ref';
import { useMe } from '../api/queries';
import { useSession } from '../auth/session';
import { currentLocale, switchLocale } from '../i18n';
import { useDistrictName } from './use-district-name';

/** The console's frame: its title, the language switch and, once signed in, who the officer is and sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center' }}
      >
        <Link to="/" style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('console.title')}
          </Typography.Text>
        </Link>
        <Space size="middle">
          {session.user && <Officer />}
          <Segmented<Locale>
            aria-label={t('console.language.label')}
            value={currentLocale()}
            onChange={(locale) => void switchLocale(locale)}
            options={LOCALES.map((locale) => ({ value: locale, label: t(`console.language.${locale}`) }))}
          />
          {session.user && <Button onClick={() => void session.signOut()}>{t('console.signOut')}</Button>}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}

/** The signed-in officer: name, role and district from `GET /v1/me`; the token's own claims until it answers. */
function Officer() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { data: me } = useMe();
  const districtName = useDistrictName();
  const name = me?.name ?? user?.profile.name ?? user?.profile.sub;
  return (
    <Space size="small" data-testid="officer">
      <Typography.Text>{name}</Typography.Text>
      {me && <Tag color="blue">{t(`common.roles.${me.role}`)}</Tag>}
      {me?.district && <Tag>{districtName(me.district)}</Tag>}
    </Space>
  );
}

import { Button, Layout, Segmented, Space, Tag, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LOCALES, type Locale } from '../../../workflows/definitions/message-ref';
import { useMe } from '../api/queries';
import { useSession } from '../auth/session';
import { currentLocale, switchLocale } from '../i18n';
import { THEME } from '../theme';
import { useDistrictName } from './use-district-name';

/**
 * The console's frame: its title, the navigation, the language switch and, once signed in, who the officer is and
 * sign-out. The header wraps onto more lines on a narrow screen rather than hiding anything.
 */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={HEADER}>
        <Link to="/">
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('console.title')}
          </Typography.Text>
        </Link>
        <MainNav />
        <Space size="middle" wrap>
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
      {/* Ant Design's Content is the page's <main> landmark. */}
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
    </Layout>
  );
}

const HEADER: CSSProperties = {
  background: '#fff',
  borderBottom: '1px solid #f0f0f0',
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  columnGap: 32,
  rowGap: 8,
  height: 'auto',
  minHeight: 64,
  lineHeight: 'normal',
  padding: '12px 24px',
};

/**
 * Where an officer can go: the workbench, the case list, the deadline calendar and — for the municipal bureau — the
 * statistics; the public list of parks for everyone, signed in or not. Plain links rather than Ant Design's Menu,
 * which would weigh on every page's first load; the current page's link is marked (`aria-current="page"`).
 */
function MainNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    // Never narrower than its links on one line: the header wraps instead.
    <nav aria-label={t('console.lists.nav.label')} style={{ flex: '1 0 auto' }}>
      <ul style={NAV_LIST}>
        {user && <OfficerLinks />}
        <NavItem to="/public/parks">{t('console.lists.nav.publicParks')}</NavItem>
      </ul>
    </nav>
  );
}

/** The signed-in officer's pages; 统计 only once `GET /v1/me` says the officer is municipal. */
function OfficerLinks() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <>
      <NavItem to="/" end>
        {t('console.lists.nav.workbench')}
      </NavItem>
      <NavItem to="/cases">{t('console.lists.nav.cases')}</NavItem>
      <NavItem to="/calendar">{t('console.lists.nav.calendar')}</NavItem>
      {me?.role === 'municipal' && <NavItem to="/stats">{t('console.lists.nav.stats')}</NavItem>}
    </>
  );
}

const NAV_LIST: CSSProperties = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexWrap: 'wrap',
  columnGap: 24,
  rowGap: 4,
};
const LINK_COLOUR = THEME.token?.colorLink;

/** A link of the navigation (an item of its list), underlined and dark while its page is shown. */
function NavItem({ to, end, children }: { to: string; end?: boolean; children: ReactNode }) {
  return (
    <li>
      <NavLink
        to={to}
        end={end}
        style={({ isActive }) => ({
          color: isActive ? 'rgba(0, 0, 0, 0.88)' : LINK_COLOUR,
          fontWeight: isActive ? 600 : undefined,
          textDecoration: 'none',
          paddingBottom: 4,
          borderBottom: `2px solid ${isActive ? LINK_COLOUR : 'transparent'}`,
        })}
      >
        {children}
      </NavLink>
    </li>
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

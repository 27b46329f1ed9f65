import { consoleActions } from './console-actions';
import { consoleApplication } from './console-application';
import { consoleCase } from './console-case';
import { consoleDocuments } from './console-documents';
import { consoleLists } from './console-lists';
import { consolePark } from './console-park';
import type { CatalogueOf } from '../../catalogue-shape';
import type { consoleTexts as reference } from '../zh-CN/console';

export const consoleTexts: CatalogueOf<typeof reference> = {
  title: 'Municipal HR-service industrial parks — workbench',
  language: { label: 'Language', 'zh-CN': '中文', en: 'English' },
  signIn: {
    heading: 'Officer sign-in',
    lead: "Sign in with your account at the municipal bureau's identity provider.",
    button: 'Sign in',
    working: 'Signing in…',
    failed: 'Sign-in did not complete: {{reason}}',
    notConfigured: 'No identity provider is configured here (AUTH_ISSUER): nobody can sign in to the console.',
  },
  casePage: consoleCase,
  documents: consoleDocuments,
  actions: consoleActions,
  application: consoleApplication,
  lists: consoleLists,
  park: consolePark,
  signOut: 'Sign out',
  workbench: {
    inbox: 'Notices and reminders',
    unread: '{{count, number}} unread',
    noNotifications: 'No notices',
    cases: 'Park cases',
    noCases: 'No cases',
    more: 'Load more',
  },
  deadline: {
    daysLeft: 'Days left: {{count, number}}',
    dueToday: 'Due today',
    overdue: 'Overdue by {{count, number}} day(s)',
    shifted: '{{from, day}} was {{reason}}: moved to {{to, day}} (R-CAL-3)',
    provisional:
      "Provisional: the year's holiday arrangement is not published yet; the day follows the statutory " +
      'holidays and may move later once it is (R-CAL-3)',
  },
  day: '{{at, day}}',
  loadFailed: 'Could not load: {{message}}',
  retry: 'Retry',
  devSignIn: {
    heading: 'Development sign-in',
    lead: 'Choose a demo officer to sign in as (development only; no password is checked).',
  },
};

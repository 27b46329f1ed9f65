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
  signOut: 'Sign out',
  workbench: {
    inbox: 'Notices and reminders',
    unread: '{{count, number}} unread',
    noNotifications: 'No notices',
    cases: 'Park cases',
    noCases: 'No cases',
    more: 'Load more',
  },
  casePage: {
    back: 'Back to the workbench',
    stage: 'Stage',
    district: 'District',
    openedAt: 'Filed',
    deadlines: 'Deadlines',
    noDeadlines: 'Nothing is due',
    deadlineKind: 'What',
    remaining: 'Time left',
    deficiencies: 'Deficiencies to correct',
    noDeficiencies: 'None',
    flags: 'Flags (requirements met in principle only)',
    notFound: 'No such case, or it is not yours to see.',
  },
  deadline: {
    daysLeft: 'Days left: {{count, number}}',
    dueToday: 'Due today',
    overdue: 'Overdue by {{count, number}} day(s)',
    shifted: '{{from, day}} was {{reason}}: moved to {{to, day}} (R-CAL-3)',
  },
  day: '{{at, day}}',
  loadFailed: 'Could not load: {{message}}',
  retry: 'Retry',
  devSignIn: {
    heading: 'Development sign-in',
    lead: 'Choose a demo officer to sign in as (development only; no password is checked).',
  },
};

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEVELOPMENT_JWT_SECRET } from '../../../api/config/auth-settings';
import type { Realm } from '../../../scripts/keycloak-server';
import { REPO_ROOT } from '../../support/jest/compiled-build';
import { eventually } from '../../../tooling/eventually';
import { httpStack } from '../../../tooling/http/http-calls';
import { HttpDriver } from '../../../tooling/http/http-driver';
import type { ClusterScript } from './cluster-script';

/**
 * Issue 22 in a real browser: ops staff open `npm run cluster`'s Temporal UI (ui-server v2.42.1), go through its
 * login page to Keycloak, sign in as `ops-reader`, find a case's workflow in namespace `default` and are offered no
 * write on it. The screenshots of docs/operations.md §2 are taken on the way.
 */
const VIEWPORT = { width: 1600, height: 900 };
const SCREENSHOTS = join(REPO_ROOT, 'docs', 'images');
const OPS_READER = 'ops-reader';
const REALM_FILE = join(REPO_ROOT, 'docker', 'keycloak', 'parkflow-realm.json');

/** ops-reader's email in the realm: the UI shows it under the user's initial once they are signed in. */
function opsReaderEmail(): string {
  const realm = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as {
    users: Array<Realm['users'][number] & { email?: string }>;
  };
  const email = realm.users.find((user) => user.username === OPS_READER)?.email;
  if (!email) throw new Error(`${OPS_READER} has no email in ${REALM_FILE}`);
  return email;
}

/**
 * How ui-server v2.42.1 labels its write actions: the workflow page's "Request Cancellation" button and the items of
 * its "More Actions" menu (Reset, Send a Signal, Send an Update, Terminate, Start Workflow Like This One), the list's
 * "Start Workflow". A bare "Signal …" or "Update …" labels a filter of the event history, not an action.
 */
const WRITE_ACTION = /^\s*(request cancellation|cancel|terminate|reset|send a signal|send an update|start workflow)/i;

/**
 * The write actions `page` offers: the buttons, menu items and links a person sees, named as one, that a click would
 * start — after opening the workflow's "More Actions" menu when it opens (with writes off the UI greys it out).
 */
async function offeredWrites(page: Page): Promise<string[]> {
  for (const menu of await page.getByRole('button', { name: 'More Actions' }).all())
    if (await menu.isEnabled()) await menu.click();
  const offered: string[] = [];
  for (const role of ['button', 'menuitem', 'link'] as const)
    for (const control of await page.getByRole(role, { name: WRITE_ACTION }).all())
      if (await control.isEnabled()) offered.push((await control.innerText()).trim());
  return offered;
}

export function temporalUiBrowserChecks(cluster: () => ClusterScript): void {
  let browser: Browser | undefined;
  let page: Page;
  let workflowId: string;
  const ui = (): string => cluster().temporalUi;
  const password = (): string =>
    JSON.parse(readFileSync(join(cluster().dataDir, 'keycloak', 'state.json'), 'utf8')).officerPassword;
  const shot = (file: string): Promise<Buffer> =>
    page.screenshot({ path: join(SCREENSHOTS, file), animations: 'disabled' }); // the history's timeline settled
  /** What the workflow list offers: its write actions, and whether the case's row can be picked for a batch action. */
  const listOffers = async (): Promise<{ writes: string[]; batchSelectable: boolean }> => ({
    writes: await offeredWrites(page),
    batchSelectable: (await page.getByRole('checkbox', { name: `Select Workflow ${workflowId}` }).count()) > 0,
  });
  /** The case's workflow page, once its header (id, actions) and tabs are drawn. */
  const openWorkflow = async (): Promise<void> => {
    await page.goto(`${ui()}/namespaces/default/workflows/${workflowId}`);
    await page.getByRole('heading', { name: workflowId }).waitFor();
    await page.getByRole('tablist', { name: 'workflow detail' }).waitFor();
  };

  beforeAll(async () => {
    const caseId = await new HttpDriver(httpStack(cluster().frontDoor, DEVELOPMENT_JWT_SECRET)).file();
    workflowId = `park-case-${caseId}`;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    // A browser in Chinese, as ops staff's: Keycloak's login page follows it (the Temporal UI is English only).
    page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
  });
  afterAll(() => browser?.close());

  it('opening the UI leads, through its "Continue to SSO", to Keycloak’s login form for temporal-ui', async () => {
    await page.goto(ui());
    await page.getByRole('button', { name: 'Continue to SSO' }).click();
    const realm = `http://localhost:${cluster().keycloakPort}/realms/parkflow`;
    await page.waitForURL((url) => url.href.startsWith(`${realm}/protocol/openid-connect/auth?`));
    expect(new URL(page.url()).searchParams.get('client_id')).toBe('temporal-ui');
    await page.locator('#kc-form-login').waitFor();
    await shot('temporal-ui-ops-sign-in.png');
  });

  it('ops-reader signs in: the list of namespace default shows the case and who is signed in', async () => {
    await page.fill('#username', OPS_READER);
    await page.fill('#password', password());
    await page.click('#kc-login');
    await page.waitForURL((url) => url.origin === ui() && !url.pathname.startsWith('/auth'));
    const listed = page.getByRole('link', { name: workflowId, exact: true });
    // The list is read once per visit, and SQL visibility may show a new workflow a moment after its start.
    await eventually(
      async () => {
        await page.goto(`${ui()}/namespaces/default/workflows`);
        return listed.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        );
      },
      `${workflowId} in the UI's workflow list`,
      60_000,
    );
    expect(await listOffers()).toEqual({ writes: [], batchSelectable: false });
    await page.locator('button[aria-controls="user-menu"]').click();
    await page.locator('#user-menu').getByText(opsReaderEmail()).waitFor();
    await shot('temporal-ui-ops-workflows.png');
  });

  it('the case’s workflow page offers no write: its cancellation and its "More Actions" are greyed out', async () => {
    await openWorkflow();
    expect(await offeredWrites(page)).toEqual([]);
    const shown = async (name: string) => ({ name, disabled: await page.getByRole('button', { name }).isDisabled() });
    expect([await shown('Request Cancellation'), await shown('More Actions')]).toEqual([
      { name: 'Request Cancellation', disabled: true },
      { name: 'More Actions', disabled: true },
    ]);
    await shot('temporal-ui-ops-workflow-read-only.png');
  });

  it('the same look finds the writes where the UI’s settings would allow them (a control of the check)', async () => {
    // The UI draws its actions from its settings endpoint; answered here as a ui-server started with
    // TEMPORAL_DISABLE_WRITE_ACTIONS=false answers it (that one field differs), in this browser only.
    await page.route(/\/api\/v1\/settings/, async (route) => {
      const answer = await route.fetch();
      await route.fulfill({ response: answer, json: { ...(await answer.json()), DisableWriteActions: false } });
    });
    try {
      await openWorkflow();
      expect(await offeredWrites(page)).toEqual([
        'Request Cancellation',
        'Reset',
        'Send a Signal',
        'Send an Update',
        'Terminate',
        'Start Workflow Like This One',
      ]);
      await page.goto(`${ui()}/namespaces/default/workflows`);
      await page.getByRole('link', { name: workflowId, exact: true }).waitFor();
      expect(await listOffers()).toEqual({ writes: ['Start Workflow'], batchSelectable: true });
    } finally {
      await page.unrouteAll();
    }
  });
}

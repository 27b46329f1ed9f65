import { expect, test } from '@playwright/test';
import { zhCN } from '../../i18n/catalogues/zh-CN';
import { validApplication } from '../../tooling/fixtures/applications';
import { expectAccessible, signInAs } from './console-steps';
import { consoleUrl, developmentToken } from './stack-control';

/**
 * Issue 21 items 2 and 6, the console's foundation in a real browser: officers sign in through the development
 * OpenID Connect provider's page (Authorization Code with PKCE, no token pasted), see their workbench in Chinese with
 * texts from the catalogues, and reach a case; no serious or critical accessibility violation (axe).
 */
const texts = zhCN.console;

test('the 渝北区 officer signs in through the OIDC login page and sees the workbench in Chinese', async ({ page }) => {
  await signInAs(page, '渝北区人力社保局经办人');
  const officer = page.getByTestId('officer');
  await expect(officer).toContainText(zhCN.common.roles.district);
  await expect(officer).toContainText('渝北区');
  await expect(page.getByRole('heading', { name: texts.workbench.inbox })).toBeVisible();
  await expect(page.getByRole('heading', { name: texts.workbench.cases })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectAccessible(page);

  // The language switch: the console's texts (and the API's) in English, and back.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByText('中文', { exact: true }).click();

  // Signing out ends the session at the provider too, and comes back to the sign-in page.
  await page.getByRole('button', { name: texts.signOut }).click();
  await expect(page.getByRole('button', { name: texts.signIn.button })).toBeVisible();
  await expectAccessible(page);
});

test('the municipal officer signs in and sees the case list, each case linking to its page', async ({
  page,
  request,
}) => {
  // 渝北区 files an application with an HS256 development token, taken beside the provider's tokens.
  const parkName = `渝北浏览器测试产业园${Date.now()}`;
  const token = developmentToken('--role', 'district', '--district', '500112', '--sub', 'yubei-officer');
  const filed = await request.post(consoleUrl('/v1/applications'), {
    headers: { Authorization: `Bearer ${token}` },
    data: validApplication({ parkName }),
  });
  expect(filed.status()).toBe(201);

  await signInAs(page, '市人力社保局经办人');
  await expect(page.getByTestId('officer')).toContainText(zhCN.common.roles.municipal);
  const row = page.getByTestId('case-row').filter({ hasText: parkName });
  await expect(row).toContainText(zhCN.common.stages.submitted);
  await expectAccessible(page);

  await row.getByRole('link', { name: parkName }).click();
  await expect(page.getByRole('heading', { name: parkName })).toBeVisible();
  await expect(page.getByText(texts.casePage.deadlines, { exact: true })).toBeVisible();
  // Filed complete: waiting for the bureau's acceptance, no deadline running, nothing to correct.
  await expect(page.getByText(zhCN.common.stages.submitted, { exact: true })).toBeVisible();
  await expect(page.getByText(texts.casePage.noDeadlines)).toBeVisible();
  await expectAccessible(page);
});

test('an expired session returns to the sign-in page, and after signing in again the half-filled form is kept', async ({
  page,
}) => {
  const forms = texts.application;
  await signInAs(page, '渝北区人力社保局经办人');
  await page.getByRole('button', { name: forms.fileButton }).click();
  await page.getByLabel(forms.park.name).fill('渝北会话过期测试产业园');
  await page.getByLabel(forms.park.floorArea).fill('9000');
  // The session ends (its tokens gone, as when they expire): the console shows the sign-in page where the officer was.
  await page.evaluate(() => {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('oidc.user:')) sessionStorage.removeItem(key);
  });
  await page.reload();
  // The provider still knows the officer (its own session): it sends them straight back, to where they were.
  await page.getByRole('button', { name: texts.signIn.button }).click();
  await expect(page).toHaveURL(/\/applications\/new$/);
  await expect(page.getByLabel(forms.park.name)).toHaveValue('渝北会话过期测试产业园');
  await expect(page.getByLabel(forms.park.floorArea)).toHaveValue('9000');
});

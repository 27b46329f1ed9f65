import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { zhCN } from '../../i18n/catalogues/zh-CN';
import { consoleUrl } from './stack-control';

const texts = zhCN.console;

/** From the console's sign-in page through the provider's officer list, back to the workbench. */
export async function signInAs(page: Page, officerName: string): Promise<void> {
  await page.goto(consoleUrl('/'));
  await page.getByRole('button', { name: texts.signIn.button }).click();
  await expect(page.getByRole('heading', { name: texts.devSignIn.heading })).toBeVisible();
  await page.getByRole('button', { name: officerName }).click();
  await expect(page.getByTestId('officer')).toContainText(officerName);
}

/**
 * axe on the page as it is — or on the part `within` selects (a section, an open dialog): nothing serious or critical
 * (the ids and help of any, to fix them by).
 */
export async function expectAccessible(page: Page, within?: string): Promise<void> {
  const axe = new AxeBuilder({ page });
  const { violations } = await (within ? axe.include(within) : axe).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' ')) }));
  expect(serious).toEqual([]);
}

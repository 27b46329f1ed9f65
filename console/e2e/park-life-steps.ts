import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { zhCN } from '../../i18n/catalogues/zh-CN';
import { agencies } from '../../tooling/fixtures/applications';

const forms = zhCN.console.application;
const actions = zhCN.console.actions;

/** Where the suite keeps the screenshots of the user guide (docs/console.md). */
const IMAGES = join(__dirname, '..', '..', 'docs', 'images');

/** A screenshot of the page as the officer sees it, for the user guide. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  await page.screenshot({ path: join(IMAGES, `console-${name}.png`), fullPage: true });
}

/**
 * An option of the open Ant Design select, by its visible text (its accessible options name the values, not the texts).
 */
export async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-item-option:visible').filter({ hasText: text }).first().click();
}

/** Today in Chongqing as `YYYY-MM-DD` (a day that has passed can be a payment's; a future one cannot). */
export const chongqingToday = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** A day in an Ant Design date picker: typed as the API takes it, confirmed with Enter. */
export async function pickDay(field: Locator, day: string): Promise<void> {
  await field.click();
  await field.fill(day);
  await field.press('Enter');
}

/**
 * 渝北区's application as an officer types it: 15 agencies (R-APP-3), one staff member, the revenue targets, the letter,
 * the feasibility report and a support measure — and a floor area below 8,000 m², which R-APP-4 flags (in principle)
 * without returning it.
 */
export async function fillApplication(page: Page, parkName: string, floorAreaSqm: number): Promise<void> {
  await page.getByLabel(forms.park.name).fill(parkName);
  await page.getByLabel(forms.park.floorArea).fill(String(floorAreaSqm));
  for (const name of Object.values(zhCN.rules.serviceFunctions)) await page.getByLabel(name, { exact: true }).check();
  const roster = agencies(15);
  for (let i = 1; i < roster.length; i++) await page.getByRole('button', { name: forms.agency.add }).click();
  for (const [i, agency] of roster.entries()) {
    await page.getByLabel(forms.agency.name, { exact: true }).nth(i).fill(agency.name);
    await page.getByLabel(forms.agency.creditCode, { exact: true }).nth(i).fill(agency.creditCode);
  }
  await page.getByLabel(forms.staff.name, { exact: true }).fill('张三');
  await page.getByLabel(forms.staff.role, { exact: true }).fill('主任');
  await page.getByLabel(forms.revenue.firstYear).fill('350000000');
  await page.getByLabel(forms.revenue.thirdYear).fill('1200000000');
  await page.getByLabel(forms.letter.reference).fill('渝北府函〔2026〕12号');
  await pickDay(page.getByLabel(forms.letter.date), '2026-11-20');
  await page.getByLabel(forms.feasibility.reference).fill('FR-2026-01');
  for (const part of Object.values(zhCN.rules.feasibilityParts)) await page.getByLabel(part).fill(`${part}：已论证`);
  await page.getByLabel(forms.measures.title, { exact: true }).fill('渝北区促进人力资源服务产业园发展若干措施');
  await page.getByLabel(forms.measures.reference, { exact: true }).fill('渝北府发〔2026〕3号');
  await pickDay(page.getByLabel(forms.measures.date, { exact: true }), '2026-10-08');
}

/** The action's outcome shown on the case page once applied (its form has left: the case moved on). */
export async function expectApplied(page: Page): Promise<void> {
  await expect(page.getByText(actions.applied, { exact: false }).first()).toBeVisible();
}

/** The yearly report's figures (R-RPT-2..4 met; R-SUB-2 subsidy use by heading). */
export async function fillAnnualReport(page: Page): Promise<void> {
  const report = forms.report;
  await page.getByLabel(report.agencies).fill('18');
  await page.getByLabel(report.revenue).fill('420000000');
  await page.getByLabel(report.staff).fill('260');
  await page.getByLabel(report.floorArea).fill('12000');
  await page.getByLabel(report.headings.rent).fill('300000');
  await page.getByLabel(report.headings.renovation).fill('200000');
  await page.getByLabel(report.headings.propertyManagement).fill('100000');
  await page.getByLabel(report.headings.publicFacilities).fill('100000');
  await page.getByLabel(report.headings.operations).fill('300000');
}

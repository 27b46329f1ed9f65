import { expect, test, type Page } from '@playwright/test';
import { zhCN } from '../../i18n/catalogues/zh-CN';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { expectAccessible, signInAs } from './console-steps';
import {
  chongqingToday,
  chooseOption,
  expectApplied,
  fillAnnualReport,
  fillApplication,
  pickDay,
  screenshot,
} from './park-life-steps';
import { closePreview, openPapers, paperPdf, previewPaper, uploadPaper } from './papers-steps';
import { advancePolicyClock, consoleUrl, pauseWorker, resumeWorker } from './stack-control';

/**
 * Issue 21 item 6: one park's life in the console, each role signed in through the OIDC flow and doing its part in the
 * browser — filing (R-APP-4 flagged at the field before sending), the three papers R-DOC-1 asks for uploaded as PDF
 * files, acceptance with a waiver, the panel, three reviews (an expert previewing the papers),
 * designation (answered 202 while the worker is paused, followed to applied), finance's confirmation, the district's
 * yearly report once the policy clock has passed the first reporting year — ending with the public list (名单)
 * showing the park. Screenshots for docs/console.md are written on the way; axe checks every main page.
 */
const texts = zhCN.console;
const actions = texts.actions;
const stages = zhCN.common.stages;
const officers = {
  yubei: '渝北区人力社保局经办人',
  municipal: '市人力社保局经办人',
  finance: '市人力社保局财务处经办人',
  experts: ['张明', '李华', '王芳'],
  offPanelExpert: '赵强',
};
const parkName = `渝北数字人力资源服务产业园${Date.now().toString().slice(-6)}`;
let caseId = '';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

/** Signs in and opens the park's case page from the workbench's case list. */
async function openCase(page: Page, officer: string): Promise<void> {
  await signInAs(page, officer);
  await page.getByTestId('case-row').filter({ hasText: parkName }).getByRole('link', { name: parkName }).click();
  await expect(page.getByRole('heading', { name: parkName, level: 1 })).toBeVisible();
}

/** The stage the case page shows. */
const expectStage = async (page: Page, stage: string): Promise<void> =>
  expect(page.getByText(stage, { exact: true }).first()).toBeVisible();

test('渝北区 files an application: R-APP-4 is flagged at its field before sending, and the case is filed', async ({
  page,
}) => {
  await signInAs(page, officers.yubei);
  await screenshot(page, 'district-workbench');
  await page.getByRole('button', { name: texts.application.fileButton }).click();
  await expect(page.getByRole('heading', { name: texts.application.pageTitle })).toBeVisible();
  await fillApplication(page, parkName, 7_500);
  // The same pure eligibility check the workflow runs, at the field, before anything is sent (R-APP-4, in principle).
  await expect(page.getByText(/R-APP-4/).first()).toBeVisible();
  await expect(page.getByText(texts.application.check.flags)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'district-application');
  await page.getByRole('button', { name: texts.application.submit }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  caseId = page.url().split('/').pop() as string;
  await expect(page.getByRole('heading', { name: parkName, level: 1 })).toBeVisible();
  await expectStage(page, stages.submitted);
});

test('an expert on no panel sees no case: not in the list, and its page is not found', async ({ page }) => {
  await signInAs(page, officers.offPanelExpert);
  await expect(page.getByRole('heading', { name: texts.workbench.cases })).toBeVisible();
  await expect(page.getByTestId('case-row').filter({ hasText: parkName })).toHaveCount(0);
  await page.goto(consoleUrl(`/cases/${caseId}`));
  await expect(page.getByText(texts.casePage.notFound)).toBeVisible();
});

test('渝北区 uploads the three papers acceptance needs, as PDF files, in the case’s papers (R-DOC-1)', async ({
  page,
}) => {
  await openCase(page, officers.yubei);
  // The upload card among the actions leads to the papers, where they are uploaded.
  await page.getByRole('link', { name: texts.documents.attach.open }).click();
  await openPapers(page);
  for (const purpose of DEFAULT_POLICY.documentsRequiredAtAcceptance) await uploadPaper(page, purpose);
  await expect(page.getByText(texts.documents.missing.complete).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'district-papers');
});

test('the municipal officer accepts it with a waiver reason (R-APP-4/5) and forms a panel of three', async ({
  page,
}) => {
  await openCase(page, officers.municipal);
  await expect(page.getByText(texts.documents.missing.complete)).toBeVisible();
  await screenshot(page, 'municipal-acceptance');
  await page.getByRole('radio', { name: actions.acceptance.accept, exact: true }).check();
  await page.getByLabel(actions.acceptance.waiverReason).fill('园区二期8,500平方米场地已签约，2027年6月前交付使用');
  await page.getByRole('button', { name: actions.acceptance.submit }).click();
  await expectStage(page, stages.accepted);

  const experts = page.getByLabel(actions.panel.experts);
  for (const expert of officers.experts) {
    await experts.click();
    await experts.fill(expert);
    await chooseOption(page, expert);
  }
  await page.keyboard.press('Escape');
  await expectAccessible(page);
  await screenshot(page, 'municipal-panel');
  await page.getByRole('button', { name: actions.panel.submit }).click();
  await expectStage(page, stages.under_review);
});

test('each of the three experts reviews it from their workbench (§5.1)', async ({ browser }) => {
  for (const [i, expert] of officers.experts.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openCase(page, expert);
    await page.getByLabel(actions.review.necessity).fill(String(80 + i));
    await page.getByLabel(actions.review.feasibility).fill(String(75 + i));
    await page.getByRole('radio', { name: actions.review.yes, exact: true }).check();
    await page.getByLabel(actions.review.comments).fill('功能定位清晰，运营模式可行。');
    if (i === 0) {
      // The materials the panel reviews: the application as filed, its roster of agencies.
      await page.getByRole('tab', { name: texts.casePage.sections.materials }).click();
      await expect(page.getByRole('cell', { name: '重庆第15人力资源有限公司' })).toBeVisible();
      // …and the papers uploaded with it (R-DOC-1), which the expert opens in the browser.
      expect((await previewPaper(page, paperPdf('district_government_letter').name)).status()).toBe(200);
      await closePreview(page);
      await expectAccessible(page);
      await screenshot(page, 'expert-review');
    }
    await page.getByRole('button', { name: actions.review.submit }).click();
    await expectApplied(page);
    await context.close();
  }
});

test('the municipal officer designates it with the scores side by side; a 202 is followed to applied', async ({
  page,
}) => {
  await openCase(page, officers.municipal);
  await expect(page.getByText(actions.designation.scores).first()).toBeVisible();
  await page.getByRole('radio', { name: actions.designation.designate, exact: true }).check();
  await page.getByLabel(actions.designation.reason, { exact: true }).fill('专家评审通过，功能定位清晰。');
  await page.getByLabel(actions.designation.subsidyAmount).fill('2000000');
  await expectAccessible(page);
  await screenshot(page, 'municipal-designation');
  // The worker is paused: the action is received but nobody can apply it yet, so the API answers 202 (R: honest
  // answers); the console shows 处理中 and follows it until the resumed worker has applied it.
  pauseWorker();
  try {
    const accepted = page.waitForResponse((response) => response.url().endsWith('/designation'));
    await page.getByRole('button', { name: actions.designation.submit }).click();
    expect((await accepted).status()).toBe(202);
    await expect(page.getByText(actions.processing)).toBeVisible();
  } finally {
    resumeWorker();
  }
  await expectApplied(page);
  await expectStage(page, stages.designated);
});

test('the municipal officer finds the park in the case list, the calendar and the statistics; its certificate', async ({
  page,
}) => {
  const lists = texts.lists;
  await signInAs(page, officers.municipal);
  await page.getByRole('link', { name: lists.nav.cases }).click();
  await page.getByLabel(lists.filters.stage).click();
  await chooseOption(page, stages.designated);
  await expect(page).toHaveURL(/stage=designated/);
  await expect(page.getByRole('row').filter({ hasText: parkName })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'municipal-case-list');

  await page.getByRole('link', { name: lists.nav.calendar }).click();
  await expect(page.getByRole('heading', { name: lists.calendar.title })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'municipal-calendar');

  await page.getByRole('link', { name: lists.nav.stats }).click();
  await expect(page.getByRole('heading', { name: lists.stats.title })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: parkName })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'municipal-stats');

  await page.goto(consoleUrl(`/cases/${caseId}`));
  await page.getByRole('link', { name: texts.casePage.printCertificate }).click();
  await expect(page.getByText(parkName).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'certificate');
});

test('finance confirms tranche 1 with the bank reference (§5.2)', async ({ page }) => {
  await openCase(page, officers.finance);
  await pickDay(page.getByLabel(actions.paidAt).first(), chongqingToday());
  await page.getByLabel(actions.bankReference).first().fill('CQTR-2026-000123');
  await expectAccessible(page);
  await screenshot(page, 'finance-confirmation');
  await page.getByRole('button', { name: actions.payment.submit }).first().click();
  await expectApplied(page);
});

test('渝北区 files the yearly report once the first reporting year has ended (R-RPT-1, R-RPT-5)', async ({ page }) => {
  const report = texts.application.report;
  // The policy clock as the test sets it, never by waiting: into 2027, the first reporting year of a park designated
  // after 30 June 2026 (R-RPT-5). Its report is offered, but sent while the year runs the API refuses it at the year
  // field, in Chinese.
  advancePolicyClock(caseId, 40);
  await openCase(page, officers.yubei);
  // The earliest report due is chosen already: 2027's, due 31 March 2028 (R-RPT-1).
  await expect(page.locator('.ant-select-selection-item', { hasText: '2027' })).toBeVisible();
  await fillAnnualReport(page);
  await page.getByRole('button', { name: report.submit }).click();
  const refusal = page.locator('.ant-form-item-explain-error').filter({ hasText: 'R-RPT-5' });
  await expect(refusal).toContainText('2028年1月1日');
  await screenshot(page, 'field-error');

  // Past 1 January 2028: the year has ended, and the same report is accepted.
  advancePolicyClock(caseId, 365);
  await page.reload();
  await expect(page.getByRole('heading', { name: parkName, level: 1 })).toBeVisible();
  // The earliest report due is chosen already: 2027's, due 31 March 2028 (R-RPT-1).
  await expect(page.locator('.ant-select-selection-item', { hasText: '2027' })).toBeVisible();
  await fillAnnualReport(page);
  await expectAccessible(page);
  await screenshot(page, 'district-annual-report');
  await page.getByRole('button', { name: report.submit }).click();
  await expectApplied(page);
  // The first reporting year's report releases tranche 2 (§5.2 default), for finance to confirm.
  await page.getByRole('tab', { name: texts.casePage.sections.money }).click();
  const tranche2 = page.getByRole('row').filter({ hasText: zhCN.notices.paymentKinds.subsidy_tranche_2 });
  await expect(tranche2).toContainText(texts.casePage.payments.statuses.instructed);
  await screenshot(page, 'case-payments');
});

test('the public list (名单) shows the park with its certificate number, with no sign-in (R-STAT-1)', async ({
  page,
}) => {
  await page.goto(consoleUrl('/public/parks'));
  const row = page.getByRole('row').filter({ hasText: parkName });
  await expect(row).toBeVisible();
  await expect(row).toContainText(stages.designated);
  await expectAccessible(page);
  await screenshot(page, 'public-parks');
});

import { expect, test } from '@playwright/test';
import { zhCN } from '../../i18n/catalogues/zh-CN';
import { validApplication } from '../../tooling/fixtures/applications';
import { expectAccessible, signInAs } from './console-steps';
import { screenshot } from './park-life-steps';
import {
  chooseFile,
  choosePurpose,
  closePreview,
  openPapers,
  paperPdf,
  paperRow,
  previewPaper,
  uploadPaper,
} from './papers-steps';
import { consoleUrl, developmentToken } from './stack-control';

/**
 * Issue 25 item 4, R-DOC-1 in the browser: the district uploads a paper with its progress and sees it listed, previews
 * it (the PDF in a frame, from a signed link) and downloads it; a file above 20 MB is refused before anything is sent,
 * a file whose content is no allowed type is refused by the API (415) with its message naming `file`; the bureau sees
 * which papers acceptance lacks, and an acceptance sent anyway is refused naming each of them.
 */
const texts = zhCN.console;
const papers = texts.documents;
const purposes = zhCN.rules.documentPurposes;
const parkName = `渝北材料测试产业园${Date.now().toString().slice(-6)}`;
let caseId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  const token = developmentToken('--role', 'district', '--district', '500112', '--sub', 'yubei-officer');
  const filed = await request.post(consoleUrl('/v1/applications'), {
    headers: { Authorization: `Bearer ${token}` },
    data: validApplication({ parkName }),
  });
  expect(filed.status()).toBe(201);
  caseId = ((await filed.json()) as { caseId: string }).caseId;
});

test('渝北区 uploads the letter, sees it listed, previews the PDF in a frame and downloads it (R-DOC-1)', async ({
  page,
}) => {
  await signInAs(page, '渝北区人力社保局经办人');
  await page.goto(consoleUrl(`/cases/${caseId}`));
  await openPapers(page);
  // Nothing uploaded yet: the three papers acceptance needs are listed as missing.
  const missing = page.getByTestId('papers-section').getByTestId('missing-papers');
  for (const purpose of ['district_government_letter', 'feasibility_report', 'agency_roster'] as const) {
    await expect(missing).toContainText(purposes[purpose]);
  }
  const letter = paperPdf('district_government_letter');
  await uploadPaper(page, 'district_government_letter', letter);
  await expect(missing).not.toContainText(purposes.district_government_letter);
  const row = paperRow(page, letter.name);
  await expect(row).toContainText(papers.types.pdf);
  await expect(row).toContainText('yubei-officer'); // a district reads no officer directory: the uploader's id
  await expectAccessible(page, '[data-testid=papers-section]');
  await screenshot(page, 'papers');

  // 预览: the signed link streams the PDF inline into the dialog's frame.
  const streamed = await previewPaper(page, letter.name);
  expect(streamed.status()).toBe(200);
  expect(streamed.headers()['content-type']).toContain('application/pdf');
  const dialog = page.getByRole('dialog', { name: papers.previewTitle.replace('{{fileName}}', letter.name) });
  await expect(dialog.getByTestId('paper-frame')).toBeVisible();
  await expectAccessible(page, '.ant-modal');
  await screenshot(page, 'paper-preview');
  await closePreview(page);

  // 下载: the browser saves it under the name it was uploaded with.
  const saved = page.waitForEvent('download');
  await row.getByRole('button', { name: papers.download }).click();
  expect((await saved).suggestedFilename()).toBe(letter.name);
});

test('a file above 20 MB is refused before sending; a file that is no PDF is refused by the API (415)', async ({
  page,
}) => {
  await signInAs(page, '渝北区人力社保局经办人');
  await page.goto(consoleUrl(`/cases/${caseId}?section=materials`));
  await expect(page.getByRole('heading', { name: papers.title, level: 2 })).toBeVisible();
  let uploads = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/documents')) uploads += 1;
  });

  await choosePurpose(page, 'feasibility_report');
  await chooseFile(page, {
    name: '论证报告-扫描.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(21 * 2 ** 20),
  });
  const refusal = page.getByRole('alert').filter({ hasText: '论证报告-扫描.pdf' });
  await expect(refusal).toContainText('21 MB');
  await expect(refusal).toContainText('20 MB');
  expect(uploads).toBe(0);

  // Named .pdf, but its content is text: the API judges by content and refuses it, naming the field `file`.
  await chooseFile(page, {
    name: '论证报告.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('not a pdf at all'),
  });
  const wrongType = page.getByRole('alert').filter({ hasText: '论证报告.pdf' });
  await expect(wrongType).toContainText(zhCN.documents.typeNotAllowedSummary);
  await expect(wrongType).toContainText('file：');
  await expect(wrongType).toContainText('R-DOC-1');
  expect(uploads).toBe(1);
  await expectAccessible(page, '[data-testid=papers-section]');
  await screenshot(page, 'paper-refused');
  await expect(page.getByTestId('papers').getByRole('row').filter({ hasText: '论证报告' })).toHaveCount(0);
});

test('the bureau sees which papers acceptance lacks; accepting anyway is refused naming each (R-DOC-1)', async ({
  page,
}) => {
  const acceptance = texts.actions.acceptance;
  await signInAs(page, '市人力社保局经办人');
  await page.goto(consoleUrl(`/cases/${caseId}`));
  const lacking = page.getByTestId('missing-papers').first();
  await expect(lacking).toContainText(purposes.feasibility_report);
  await expect(lacking).toContainText(purposes.agency_roster);
  await expect(lacking).not.toContainText(purposes.district_government_letter);

  await page.getByRole('radio', { name: acceptance.accept, exact: true }).check();
  await page.getByRole('button', { name: acceptance.submit }).click();
  const refused = page.getByRole('alert').filter({ hasText: texts.actions.refused });
  await expect(refused.getByRole('listitem')).toHaveCount(2);
  await expect(refused).toContainText(purposes.feasibility_report);
  await expect(refused).toContainText(purposes.agency_roster);
  await expect(refused).toContainText('R-DOC-1');
  await expect(page.getByText(zhCN.common.stages.submitted, { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'acceptance-missing-papers');
});

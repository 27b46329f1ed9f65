import { expect, type Page, type Response } from '@playwright/test';
import { zhCN } from '../../i18n/catalogues/zh-CN';
import type { DocumentPurpose } from '../../workflows/definitions/documents';
import { chooseOption } from './park-life-steps';

const papers = zhCN.console.documents;

/** A file as a browser's file chooser gives it (Playwright's `setInputFiles` payload). */
export interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * A one-page PDF whose page says `line` (ASCII, Helvetica), with a correct cross-reference table, so that the
 * browser's viewer shows it: what a district scans and uploads, made in code.
 */
export function onePagePdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PDF standing for the paper of `purpose`, named as a district would name the scan. */
export const paperPdf = (purpose: DocumentPurpose): ChosenFile => ({
  name: `${zhCN.rules.documentPurposes[purpose]}.pdf`,
  mimeType: 'application/pdf',
  buffer: onePagePdf(`parkflow test paper: ${purpose}`),
});

/** The case page's papers: the 申报材料 tab, where they are listed and uploaded. */
export async function openPapers(page: Page): Promise<void> {
  await page.getByRole('tab', { name: zhCN.console.casePage.sections.materials }).click();
  await expect(page.getByRole('heading', { name: papers.title, level: 2 })).toBeVisible();
}

/** Chooses what the paper is for in the upload form, by the policy's term. */
export async function choosePurpose(page: Page, purpose: DocumentPurpose): Promise<void> {
  // The select's box, not its search input: the chosen purpose's text lies over the input.
  await page
    .locator('.ant-select')
    .filter({ has: page.getByLabel(papers.upload.purpose, { exact: true }) })
    .click();
  await chooseOption(page, zhCN.rules.documentPurposes[purpose]);
}

/** Hands `file` to the upload's file chooser, as an officer choosing it would. */
export async function chooseFile(page: Page, file: ChosenFile): Promise<void> {
  await page.getByTestId('papers-section').locator('input[type=file]').setInputFiles(file);
}

/** The table row of a paper, by its file name. */
export const paperRow = (page: Page, fileName: string) =>
  page.getByTestId('papers').getByRole('row').filter({ hasText: fileName });

/** Uploads the paper of `purpose` through the papers section and waits until the case lists it. */
export async function uploadPaper(page: Page, purpose: DocumentPurpose, file = paperPdf(purpose)): Promise<void> {
  await choosePurpose(page, purpose);
  await chooseFile(page, file);
  await expect(page.getByText(papers.upload.done.replace('{{fileName}}', file.name))).toBeVisible();
  await expect(paperRow(page, file.name)).toContainText(zhCN.rules.documentPurposes[purpose]);
}

/** 预览 of the paper `fileName`: the dialog opens and its frame (or image) loads the file from its signed link. */
export async function previewPaper(page: Page, fileName: string): Promise<Response> {
  const content = page.waitForResponse((response) => /\/v1\/documents\/[0-9a-f-]{36}\/content\?/.test(response.url()));
  await paperRow(page, fileName).getByRole('button', { name: papers.preview }).click();
  return content;
}

/** Closes the preview dialog with its close button (Escape would go to the PDF viewer once it has the focus). */
export async function closePreview(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: papers.close }).click();
  await expect(dialog).toBeHidden();
}

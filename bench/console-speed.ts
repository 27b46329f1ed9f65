/**
 * The console's speed (issue 21 item 7): the first page's JavaScript (gzip) from the build, and — in Debian's chromium
 * against a `npm run dev` stack of its own with `--cases` filed applications — the workbench's first contentful paint
 * and the moment its data (the first case row) is on screen, per load, from the browser's Performance API: `--loads`
 * reloads of the signed-in workbench with the browser's cache off (every script fetched, as on a first visit), then as
 * many with it on (as an officer's day goes on).
 * Prints one table; targets: ≤ 350 kB gzip, first paint and data ≤ 1 s.
 *
 * usage: npm run bench:console -- [--cases 40] [--loads 10] [--url http://localhost:3000 (a running stack)]
 */
import { chromium, type Page } from 'playwright-core';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DEVELOPMENT_JWT_SECRET } from '../api/config/auth-settings';
import { signDevelopmentToken } from '../api/auth/development-token';
import { startDevStack, type DevStack } from '../tooling/processes/dev-stack-process';
import { validApplication } from '../tooling/fixtures/applications';
import { firstPageScripts } from './console/first-page';
import { stampFirst, timingsOf, type PageTimings } from './console/page-timings';
import { percentile } from './percentile';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CASE_ROW = '[data-testid="case-row"]';

async function fileApplications(url: string, count: number): Promise<void> {
  const token = signDevelopmentToken(
    { sub: 'yubei-officer', role: 'district', district: '500112' },
    process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET,
  );
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/v1/applications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(validApplication({ parkName: `渝北测速产业园${i + 1}` })),
    });
    if (response.status !== 201 && response.status !== 202) throw new Error(`filing ${i + 1}: ${response.status}`);
  }
}

/** Through the development provider's page, as the municipal officer, to the workbench. */
async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '统一身份认证登录' }).click();
  await page.getByRole('button', { name: '市人力社保局经办人' }).click();
  await page.waitForSelector(CASE_ROW);
}

const row = (name: string, values: number[], unit = 'ms'): string =>
  `| ${name} | ${[50, 90, 100].map((p) => `${Math.round(percentile(values, p))} ${unit}`).join(' | ')} |`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '40' },
      loads: { type: 'string', default: '10' },
      url: { type: 'string' },
    },
  });
  const stack: DevStack | undefined = values.url ? undefined : await startDevStack('parkflow-bench-console-');
  const url = values.url ?? stack!.url;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    await fileApplications(url, Number(values.cases));
    const scripts = firstPageScripts();
    // The page's CSP forbids eval, which Playwright's string predicates use; measuring changes nothing the page runs.
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
    await context.addInitScript(stampFirst(CASE_ROW));
    const page = await context.newPage();
    await signIn(page, url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const measure = async (cacheDisabled: boolean): Promise<PageTimings[]> => {
      await cdp.send('Network.setCacheDisabled', { cacheDisabled });
      const loads: PageTimings[] = [];
      for (let i = 0; i < Number(values.loads); i++) {
        await page.reload();
        loads.push(await timingsOf(page));
      }
      return loads;
    };
    const cold = await measure(true);
    const warm = await measure(false);
    const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
    console.log(`console speed — ${new Date().toISOString()}, load average ${loadavg()[0].toFixed(2)}`);
    console.log(`first page scripts: ${scripts.map((s) => `${s.file} ${kB(s.gzip)} gzip`).join(', ')}`);
    console.log(`first page JavaScript: ${kB(scripts.reduce((sum, s) => sum + s.gzip, 0))} gzip (target ≤ 350 kB)`);
    for (const [name, loads] of [
      ['no cache', cold],
      ['cached', warm],
    ] as const) {
      console.log(`\n| ${loads.length} workbench loads, ${name} (${values.cases} cases) | p50 | p90 | max |`);
      console.log('| --- | --- | --- | --- |');
      console.log(
        row(
          'first contentful paint',
          loads.map((l) => l.firstContentfulPaint),
        ),
      );
      console.log(
        row(
          'largest contentful paint',
          loads.map((l) => l.largestContentfulPaint),
        ),
      );
      console.log(
        row(
          'workbench data on screen',
          loads.map((l) => l.workbenchData),
        ),
      );
      console.log(
        row(
          'JavaScript transferred',
          loads.map((l) => l.scriptBytes / 1024),
          'kB',
        ),
      );
      console.log(
        row(
          'requests until data',
          loads.map((l) => l.requests),
          '',
        ),
      );
    }
  } finally {
    await browser.close();
    await stack?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { defineConfig } from '@playwright/test';

/**
 * The console in a real browser (issue 21 item 6): Debian's chromium (`/usr/bin/chromium`, installed by
 * scripts/provision.sh; Playwright downloads no browser), against a `npm run dev` stack the run starts on ports of its
 * own and stops at the end (e2e/dev-stack.ts). One worker: the tests share the stack.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/dev-stack.ts',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: '../test-results/browser',
  reporter: [['list'], ['json', { outputFile: '../test-results/browser.json' }]],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
});

import type { Page } from 'playwright-core';

/** What the browser's Performance API says of one load of the workbench. */
export interface PageTimings {
  /** First contentful paint: the console's frame (title, language switch) on screen. */
  firstContentfulPaint: number;
  /** Largest contentful paint so far when the data arrived. */
  largestContentfulPaint: number;
  /** The first case row of the workbench on screen: the officer's data, not only the frame. */
  workbenchData: number;
  /** Bytes of JavaScript transferred (compressed, as sent), and requests made, until then. */
  scriptBytes: number;
  requests: number;
}

/**
 * Installed before the page's own scripts: watches for the first element matching `selector` and stamps the moment
 * (`performance.now()`, from the navigation's start) in `window.__dataShownAt`; records LCP entries.
 */
export function stampFirst(selector: string): string {
  return `(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = Math.max(window.__lcp, entry.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    const seen = () => {
      if (window.__dataShownAt === undefined && document.querySelector(${JSON.stringify(selector)}))
        window.__dataShownAt = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  })();`;
}

/**
 * The page's timings, read in the browser (a script text: this project's TypeScript has no DOM types): the paint and
 * resource entries of the current navigation, and the stamps {@link stampFirst} left.
 */
const READ_TIMINGS = `(() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const resources = performance.getEntriesByType('resource');
  const scripts = resources.filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'));
  return {
    firstContentfulPaint: paint ? paint.startTime : NaN,
    largestContentfulPaint: window.__lcp,
    workbenchData: window.__dataShownAt,
    scriptBytes: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
    requests: resources.filter((entry) => entry.startTime <= window.__dataShownAt).length,
  };
})()`;

/** Reads the timings of the page's current load once its data is shown. */
export async function timingsOf(page: Page): Promise<PageTimings> {
  await page.waitForFunction('window.__dataShownAt !== undefined');
  return page.evaluate<PageTimings>(READ_TIMINGS);
}

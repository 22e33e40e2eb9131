/**
 * The dashboard's stores page in Chromium (playwright-core, /usr/bin/chromium) on a signed-in
 * session: after signing in with the API token (kept in the tab's sessionStorage), the tab leaves
 * for about:blank and navigates back; the time is from the navigation's start (the page's time
 * origin) until the first row of the stores table and the "All" count are on screen. A screenshot
 * of the last run goes to a file under the OS temp dir.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

export interface RenderResult {
  /** In-page time (ms since the navigation started) of each run. */
  runs: number[];
  /** The text of the "All" count chip when the page was ready. */
  allCount: string;
  screenshot: string;
  /** The admin API requests the page sent during the last run. */
  requests: string[];
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Runs in the page (a function, not a string: the dashboard's CSP forbids eval); no DOM types in this project. */
function storesShown(): number {
  const page = globalThis as unknown as {
    document: { querySelector(selector: string): { offsetParent: unknown; textContent: string | null } | null };
    performance: { now(): number };
  };
  const visible = (selector: string) => {
    const element = page.document.querySelector(selector);
    return element !== null && element.offsetParent !== null && Boolean(element.textContent);
  };
  return visible('table.stores tbody tr') && visible('.chip-all .chip-count') ? page.performance.now() : 0;
}

/** Time (ms since navigation start) when the first row and the count are visible. */
async function waitForStores(page: Page): Promise<number> {
  const handle = await page.waitForFunction(storesShown, undefined, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

export async function measureDashboardRender(dashboardUrl: string, apiToken: string, runs = 5): Promise<RenderResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(dashboardUrl);
    await page.getByLabel('API token').fill(apiToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForStores(page);
    const times: number[] = [];
    let requests: string[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      requests = [];
      const onRequest = (req: { url(): string }) => {
        const url = new URL(req.url());
        if (url.pathname.startsWith('/api/')) requests.push(`${url.pathname}${url.search}`);
      };
      page.on('request', onRequest);
      await page.goto(dashboardUrl, { waitUntil: 'commit' });
      times.push(await waitForStores(page));
      page.off('request', onRequest);
    }
    const allCount = (await page.locator('.chip-all .chip-count').textContent()) ?? '';
    const screenshot = join(tmpdir(), `magekit-bench-stores-10k-${process.pid}.png`);
    await page.screenshot({ path: screenshot });
    return { runs: times, allCount, screenshot, requests };
  } finally {
    await browser.close();
  }
}

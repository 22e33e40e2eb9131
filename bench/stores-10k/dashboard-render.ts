/**
 * The dashboard's stores page in Chromium (playwright-core, /usr/bin/chromium) on a signed-in
 * session: after signing in with the API token (kept in the tab's sessionStorage), the tab reloads
 * the page, and also leaves for about:blank and navigates back (a new renderer process); the time
 * is from the navigation's start (the page's time origin) until the first row of the stores table
 * and the "All" count are on screen; the renderer's main-thread time per reload next to it. A screenshot
 * of the last run goes to a file under the OS temp dir.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

export interface RenderResult {
  /** In-page time (ms since the navigation started) of each reload of the stores page (same renderer). */
  runs: number[];
  /** The same, navigating from about:blank (a new renderer process is started for the page). */
  fromBlank: number[];
  /** The text of the "All" count chip when the page was ready. */
  allCount: string;
  screenshot: string;
  /** The admin API requests the page sent during the last run. */
  requests: string[];
  /** Renderer main-thread time of each run (Chromium's Performance metrics: tasks, script, layout and style), ms. */
  mainThread: { task: number; script: number; layout: number; style: number }[];
  /** The last run's resource timing: document, scripts, styles and API requests (start-end, ms since navigation start). */
  timeline: string[];
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

/** Runs in the page: navigation and resource timing entries as `name start-end` (ms since navigation start). */
function readTimeline(): string[] {
  type Entry = { name: string; startTime: number; responseEnd: number; domContentLoadedEventEnd?: number };
  const page = globalThis as unknown as { performance: { getEntriesByType(type: string): Entry[] } };
  const [navigation] = page.performance.getEntriesByType('navigation');
  const round = (value: number) => Math.round(value);
  const entries = page.performance
    .getEntriesByType('resource')
    .map(
      (entry) =>
        `${new URL(entry.name).pathname.replace(/^.*\/assets\//, 'assets/')}${new URL(entry.name).search} ${round(entry.startTime)}-${round(entry.responseEnd)}`,
    );
  return [
    `document 0-${round(navigation?.responseEnd ?? 0)} (DOMContentLoaded ${round(navigation?.domContentLoadedEventEnd ?? 0)})`,
    ...entries,
  ];
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
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => (list.find((metric) => metric.name === name)?.value ?? 0) * 1000;
      return {
        task: value('TaskDuration'),
        script: value('ScriptDuration'),
        layout: value('LayoutDuration'),
        style: value('RecalcStyleDuration'),
      };
    };
    const mainThread: RenderResult['mainThread'] = [];
    let requests: string[] = [];
    const measureRun = async (navigate: () => Promise<unknown>): Promise<number> => {
      requests = [];
      const onRequest = (req: { url(): string }) => {
        const url = new URL(req.url());
        if (url.pathname.startsWith('/api/')) requests.push(`${url.pathname}${url.search}`);
      };
      page.on('request', onRequest);
      await navigate();
      const ms = await waitForStores(page);
      // Chromium's counters start again with each document: read once the page is shown.
      mainThread.push(await metrics());
      page.off('request', onRequest);
      return ms;
    };
    const fromBlank: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      fromBlank.push(await measureRun(() => page.goto(dashboardUrl, { waitUntil: 'commit' })));
    }
    mainThread.length = 0;
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(await measureRun(() => page.reload({ waitUntil: 'commit' })));
    const timeline = await page.evaluate(readTimeline);
    const allCount = (await page.locator('.chip-all .chip-count').textContent()) ?? '';
    const screenshot = join(tmpdir(), `magekit-bench-stores-10k-${process.pid}.png`);
    await page.screenshot({ path: screenshot });
    return { runs: times, fromBlank, allCount, screenshot, requests, timeline, mainThread };
  } finally {
    await browser.close();
  }
}

import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, openBrowser } from '../../test-support/browser';
import { startTestService, type TestService } from '../../test-support/test-service';

jest.setTimeout(60_000);

/** The dashboard build of this workspace (`npx nx build dashboard`). */
const DASHBOARD_DIST = join(__dirname, '..', '..', '..', '..', 'dashboard', 'dist');

/** Records what the page's Content-Security-Policy blocked, and script errors. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && problems.push(`console: ${message.text()}`)));
  page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
  // Runs in the page (a string: this project compiles without the DOM library).
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (event) => console.error('CSP blocked ' + event.blockedURI + ' (' + event.violatedDirective + ')'));",
  });
  return problems;
}

function suite(): void {
  let dir: string;
  let service: TestService;
  let browser: Browser;

  beforeAll(async () => {
    // A copy, so that a rebuild of the dashboard during the run changes nothing here.
    dir = mkdtempSync(join(tmpdir(), 'mk-csp-dashboard-'));
    cpSync(DASHBOARD_DIST, dir, { recursive: true });
    [service, browser] = await Promise.all([startTestService({ env: { DASHBOARD_DIR: dir } }), openBrowser()]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("script injection defence does not break the dashboard: the built dashboard signs in and lists stores under its CSP (script-src 'self')", async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    await page.goto(`${service.base}/dashboard/`);
    await page.getByLabel('API token').fill(service.firstStart!.apiToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Stores', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'No stores yet' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('script injection defence does not break the API docs: Swagger UI renders under its CSP', async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    await page.goto(`${service.base}/api/docs`);
    await page.getByText('magekit integration service: admin API').first().waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
}

// The integration test target builds the dashboard first, so a missing build is a failure, not a skip.
describeInBrowser('the dashboard and API docs in chromium under the CSP', () => {
  if (!existsSync(join(DASHBOARD_DIST, 'index.html'))) {
    it('has the dashboard build', () => {
      throw new Error(`the dashboard is not built (${DASHBOARD_DIST}); run npx nx build dashboard`);
    });
  } else suite();
});

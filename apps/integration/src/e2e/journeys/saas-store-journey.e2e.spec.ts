import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startSandbox, type RunningSandbox, type SaasEndpoints } from '@magekit/sandbox/testing';
import { describeInBrowser, openBrowser } from '../../test-support/browser';
import { JOURNEY_APP, screenshotDir, signInToDashboard, startJourneyApp, type JourneyApp } from './journey-support';

// A sandbox, the built service and chromium: minutes when every project's tests run at once on 2 cores.
jest.setTimeout(180_000);

/** How long a locator may wait for the page (auto-waiting; generous for a loaded machine). */
const WAIT = 30_000;

interface SaasCredentialFields {
  url: string;
  clientId: string;
  clientSecret: string;
  orgId: string;
}

/**
 * Every access token the sandbox's IMS issues, read from its `POST /ims/token/v3` answers as they
 * leave the server (the sandbox keeps only their hashes).
 */
function recordIssuedTokens(server: Server): string[] {
  const tokens: string[] = [];
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || !request.url?.startsWith('/ims/token/v3')) return;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((...args: unknown[]) => {
      const body = args[0];
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        const token = (JSON.parse(body.toString()) as { access_token?: unknown }).access_token;
        if (typeof token === 'string') tokens.push(token);
      }
      return end(...args);
    }) as ServerResponse['end'];
  });
  return tokens;
}

/** Collects the bodies of the admin API's answers the page receives. */
function watchApiAnswers(page: Page): () => Promise<string> {
  const bodies: Array<Promise<string>> = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/'))
      bodies.push(response.text().catch((error: Error) => `(unread: ${error.message})`));
  });
  return async () => (await Promise.all(bodies)).join('\n');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^${escape(text)}$`);

function suite(): void {
  let sandbox: RunningSandbox;
  let saas: SaasEndpoints;
  let app: JourneyApp;
  let browser: Browser;
  let issuedTokens: string[];
  /** Every client secret the journeys typed: none may reach a page, an API answer or the log. */
  const typedSecrets: string[] = [];
  const shots = screenshotDir();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    sandbox = await startSandbox({ edition: 'saas' });
    saas = sandbox.saas as SaasEndpoints;
    issuedTokens = recordIssuedTokens(sandbox.app.getHttpServer() as Server);
    // The service gets its IMS tokens from the sandbox; debug logging, so that the log check sees the most.
    [app, browser] = await Promise.all([
      startJourneyApp({ env: { IMS_TOKEN_URL: saas.tokenUrl, LOG_LEVEL: 'debug' } }),
      openBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.process.stop();
    await sandbox?.close();
  });

  /** The store's name in the dashboard: host and tenant id. */
  const storeName = () => `${new URL(saas.restBaseUrl).host}/${saas.tenantId}`;

  async function openDashboard(): Promise<{ page: Page; apiAnswers: () => Promise<string> }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(WAIT);
    const apiAnswers = watchApiAnswers(page);
    await signInToDashboard(page, app);
    return { page, apiAnswers };
  }

  /** Stores page → Add SaaS store → the four required fields → Register store; resolves with the form. */
  async function registerInForm(page: Page, fields: SaasCredentialFields): Promise<Locator> {
    typedSecrets.push(fields.clientSecret);
    const toggle = page.getByRole('button', { name: 'Add SaaS store', exact: true });
    if ((await toggle.getAttribute('aria-expanded', { timeout: WAIT })) !== 'true') await toggle.click();
    const form = page.getByRole('form', { name: 'Add an Adobe Commerce as a Cloud Service store' });
    await form.getByLabel('Tenant REST URL', { exact: true }).fill(fields.url, { timeout: WAIT });
    await form.getByLabel('Client ID', { exact: true }).fill(fields.clientId, { timeout: WAIT });
    await form.getByLabel('Client secret', { exact: true }).fill(fields.clientSecret, { timeout: WAIT });
    await form.getByLabel('Organization ID', { exact: true }).fill(fields.orgId, { timeout: WAIT });
    // What the HTML checks below look for is there while typed: they can fail.
    expect(await page.content()).toContain(fields.clientSecret);
    await form.getByRole('button', { name: 'Register store', exact: true }).click({ timeout: WAIT });
    return form;
  }

  /** The store's row in the stores table, waited for with each column's text. */
  async function expectStoreRow(page: Page, cells: Record<string, RegExp>): Promise<void> {
    const table = page.getByRole('table', { name: /^Stores, page / });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: storeName(), exact: true }) });
    await row.waitFor({ timeout: WAIT });
    const headers = (await table.getByRole('columnheader').allTextContents()).map((text) => text.trim());
    for (const [column, text] of Object.entries(cells)) {
      expect(headers).toContain(column);
      await row.getByRole('cell').nth(headers.indexOf(column)).filter({ hasText: text }).waitFor({ timeout: WAIT });
    }
  }

  /** Nothing secret in the page's HTML nor in any admin API answer it received. */
  async function expectNoSecrets(page: Page, apiAnswers: () => Promise<string>): Promise<void> {
    const html = await page.content();
    const answers = await apiAnswers();
    expect(answers).toContain('"authKind":"ims"');
    for (const secret of typedSecrets) {
      expect(html).not.toContain(secret);
      expect(answers).not.toContain(secret);
    }
  }

  /** The service's own output: neither a client secret nor an IMS access token the sandbox issued to it. */
  function expectCleanServiceLog(): void {
    const log = `${app.process.stdout()}\n${app.process.stderr()}`;
    expect(log).toContain('/api/stores/saas');
    expect(issuedTokens.length).toBeGreaterThan(0);
    for (const secret of typedSecrets) expect(log).not.toContain(secret);
    for (const token of issuedTokens) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.split('.')[2]);
    }
  }

  it('the operator registers a SaaS store with its IMS credential: Active with Adobe IMS and SaaS, the store page shows the credential and never the secret', async () => {
    const { page, apiAnswers } = await openDashboard();
    const credential = saas.credential;
    const form = await registerInForm(page, { url: saas.restBaseUrl, ...credential });
    await form
      .getByRole('status')
      .filter({ hasText: new RegExp(`^Registered ${escape(storeName())}: active, the IMS credential works\\.`) })
      .waitFor({ timeout: WAIT });
    await expect(form.getByLabel('Client secret', { exact: true }).inputValue()).resolves.toBe('');
    await expectStoreRow(page, {
      Status: /^Active$/,
      Authentication: /^Adobe IMS$/,
      Edition: /^SaaS$/,
      // The store views the probe read from the tenant's GET /V1/store/storeConfigs (the sandbox's two).
      'Store views': /^default, es_mx$/,
    });
    await shot(page, 'saas-1-stores-active');
    await expectNoSecrets(page, apiAnswers);

    await form.getByRole('link', { name: 'Open the store', exact: true }).click();
    await page.getByRole('heading', { name: storeName(), level: 1 }).waitFor({ timeout: WAIT });
    const facts = page.getByRole('region', { name: 'Store', exact: true });
    await facts
      .locator('dt:text-is("Authentication") + dd')
      .filter({ hasText: /^Adobe IMS$/ })
      .waitFor();
    await facts
      .locator('dt:text-is("Edition") + dd')
      .filter({ hasText: /^Adobe Commerce as a Cloud Service$/ })
      .waitFor();
    const ims = page.getByRole('region', { name: 'IMS credential', exact: true });
    await ims
      .locator('dt:text-is("Client ID") + dd')
      .filter({ hasText: exactly(credential.clientId) })
      .waitFor();
    await ims
      .locator('dt:text-is("Organization ID") + dd')
      .filter({ hasText: exactly(credential.orgId) })
      .waitFor();
    await ims
      .locator('dt:text-is("IMS token URL") + dd')
      .filter({ hasText: exactly(saas.tokenUrl) })
      .waitFor();
    await ims
      .locator('dt:text-is("Scopes") + dd')
      .filter({ hasText: /commerce\.accs/ })
      .waitFor();
    expect(await ims.locator('dt').allTextContents()).toEqual([
      'Client ID',
      'Organization ID',
      'Scopes',
      'IMS token URL',
    ]);
    await page
      .locator('.page-head .badge')
      .filter({ hasText: /^Active$/ })
      .waitFor();
    await shot(page, 'saas-2-store-page');
    await expectNoSecrets(page, apiAnswers);
    await page.close();

    const stores = await app.api<{ items: Array<{ authKind: string; edition: string; status: string }> }>(
      `/api/stores?search=${encodeURIComponent(credential.clientId)}`,
    );
    expect(stores.items).toEqual([expect.objectContaining({ authKind: 'ims', edition: 'saas', status: 'active' })]);
    expectCleanServiceLog();
  });

  it("a wrong client secret for the tenant: IMS refuses it, the store is Failed with IMS's message and no secret shows; the right one makes it Active again", async () => {
    const { page, apiAnswers } = await openDashboard();
    // Not shaped like Adobe's secrets (p8e-…): the log must not rely on recognising the shape.
    const wrong = {
      url: saas.restBaseUrl,
      ...saas.credential,
      clientSecret: `wrong-${randomBytes(16).toString('hex')}`,
    };
    const refusal = 'IMS refused the client credentials (HTTP 401: invalid_client: invalid client_secret parameter).';
    const form = await registerInForm(page, wrong);
    await form
      .getByRole('status')
      .filter({
        hasText: new RegExp(
          `^(Registered|Replaced the credential of) ${escape(storeName())}, but its first probe failed: ${escape(refusal)}`,
        ),
      })
      .waitFor({ timeout: WAIT });
    await expect(form.getByRole('alert').count()).resolves.toBe(0);
    await expectStoreRow(page, {
      Status: /^Failed$/,
      Authentication: /^Adobe IMS$/,
      Edition: /^SaaS$/,
      'Last error': new RegExp(`^${escape(refusal)}`),
    });
    await shot(page, 'saas-failing-wrong-secret');
    await expectNoSecrets(page, apiAnswers);

    // The operator closes the form and registers the right secret (the same URL replaces the credential).
    await page.getByRole('button', { name: 'Add SaaS store', exact: true }).click();
    await form.waitFor({ state: 'detached', timeout: WAIT });
    const again = await registerInForm(page, { url: saas.restBaseUrl, ...saas.credential });
    await again
      .getByRole('status')
      .filter({
        hasText: new RegExp(`^Replaced the credential of ${escape(storeName())}: active, the IMS credential works\\.`),
      })
      .waitFor({ timeout: WAIT });
    await expectStoreRow(page, { Status: /^Active$/, 'Last error': /^—$/ });
    await expectNoSecrets(page, apiAnswers);
    await page.close();
    expectCleanServiceLog();
  });
}

describeInBrowser(
  `the operator's journey with an Adobe Commerce as a Cloud Service store in chromium (${JOURNEY_APP.label})`,
  suite,
);

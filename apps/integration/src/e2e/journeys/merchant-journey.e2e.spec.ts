import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '@magekit/sandbox/testing';
import { describeInBrowser, openBrowser } from '../../test-support/browser';
import {
  JOURNEY_APP,
  screenshotDir,
  signInInPopup,
  signInToDashboard,
  startJourneyApp,
  type JourneyApp,
} from './journey-support';

jest.setTimeout(120_000);

// The service probes GET /V1/store/storeConfigs (Magento_Backend::store) before it calls a store active.
const RESOURCES = ['Magento_Backend::store', 'Magento_Catalog::products', 'Magento_Sales::actions_view'];
let counter = 0;

interface ApiStore {
  id: string;
  consumerKey: string;
  status: string;
}

function suite(): void {
  let sandbox: RunningSandbox;
  let app: JourneyApp;
  let browser: Browser;
  let admin: Page;
  const shots = screenshotDir();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    [sandbox, app, browser] = await Promise.all([startSandbox(), startJourneyApp(), openBrowser()]);
    admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await admin.goto(`${sandbox.baseUrl}admin#token=${sandbox.adminToken}`);
    await grid().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.process.stop();
    await sandbox?.close();
  });

  const grid = () => admin.getByRole('table', { name: 'Integrations' });
  const rowOf = (name: string) =>
    grid()
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name, exact: true }) });
  const statusOf = (name: string) => rowOf(name).locator('td.status');

  /** Adds an integration in the sandbox (as the merchant does in Add New Integration) and shows it in the grid. */
  async function addIntegration(urls: {
    callbackUrl: string;
    identityUrl: string;
  }): Promise<{ name: string; consumerKey: string }> {
    counter += 1;
    const name = `acme-${counter}`;
    const created = await sandbox.admin.createIntegration({
      name,
      endpointUrl: urls.callbackUrl,
      identityLinkUrl: urls.identityUrl,
      resources: RESOURCES,
    });
    await admin.reload();
    await rowOf(name).waitFor();
    return { name, consumerKey: (created as { consumer_key: string }).consumer_key };
  }

  /** Activate (or Reauthorize) → the permissions dialog → Allow: resolves with the identity-link popup. */
  async function allow(
    name: string,
    button: 'Activate' | 'Reauthorize',
    beforeAllow?: (dialog: Locator) => Promise<void>,
  ): Promise<Page> {
    await rowOf(name).getByRole('button', { name: button, exact: true }).click();
    const dialog = admin.getByRole('dialog', { name });
    await dialog.getByRole('list', { name: 'Available APIs' }).getByRole('listitem').first().waitFor();
    await beforeAllow?.(dialog);
    const popup = admin.waitForEvent('popup');
    await dialog.getByRole('button', { name: button === 'Activate' ? 'Allow' : 'Reauthorize', exact: true }).click();
    const opened = await popup;
    await opened.waitForLoadState();
    return opened;
  }

  async function waitForStatus(name: string, status: RegExp): Promise<void> {
    await statusOf(name).filter({ hasText: status }).waitFor({ timeout: 20_000 });
  }

  it('the happy journey: grid, Allow dialog, popup sign-in, popup closed and Active, the store active in the dashboard with "merchant signed in"', async () => {
    const integration = await addIntegration(app);
    await shot(admin, '1-sandbox-grid');
    const popup = await allow(integration.name, 'Activate', async (dialog) => {
      await dialog.getByText('Products (Catalog > Inventory)').waitFor();
      await shot(admin, '2-allow-dialog');
    });
    expect(popup.url()).toContain(`oauth_consumer_key=${integration.consumerKey}`);
    await popup.getByLabel('E-mail address').waitFor();
    await shot(popup, '3-popup-sign-in');
    await signInInPopup(popup, app.account);
    await popup.waitForEvent('close', { timeout: 20_000 });
    await waitForStatus(integration.name, /^Active$/);
    await shot(admin, '4-popup-closed-grid-active');

    const dashboard = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInToDashboard(dashboard, app);
    const host = new URL(sandbox.baseUrl).host;
    await dashboard.getByRole('link', { name: host, exact: true }).first().click();
    await dashboard.getByRole('heading', { name: host, level: 1 }).waitFor();
    const timeline = dashboard.getByRole('region', { name: 'Activation timeline' });
    await timeline
      .getByText(/Merchant signed in/)
      .first()
      .waitFor();
    await dashboard.getByText('Active', { exact: true }).first().waitFor();
    await shot(dashboard, '5-dashboard-store-active');
    await dashboard.close();

    // Reauthorize: the same dialog, a new verifier, the tokens rotate and the grid is Active again.
    const again = await allow(integration.name, 'Reauthorize');
    await signInInPopup(again, app.account);
    await again.waitForEvent('close', { timeout: 20_000 });
    await waitForStatus(integration.name, /^Active$/);
    await shot(admin, '6-reauthorized-grid-active');
    const stores = await app.api<{ items: ApiStore[] }>(`/api/stores?search=${integration.consumerKey}`);
    expect(stores.items).toEqual([expect.objectContaining({ consumerKey: integration.consumerKey, status: 'active' })]);
    const activations = await app.api<unknown[]>(`/api/stores/${stores.items[0].id}/activations`);
    expect(activations).toHaveLength(2);
  });

  it('a wrong vendor password, then the right one: the popup says so, then completes', async () => {
    const integration = await addIntegration(app);
    const popup = await allow(integration.name, 'Activate');
    await signInInPopup(popup, { email: app.account.email, password: 'not the password at all' });
    await popup.getByRole('alert').getByText('The e-mail address or password is not correct.').waitFor();
    await shot(popup, 'failing-wrong-password');
    await signInInPopup(popup, app.account);
    await popup.waitForEvent('close', { timeout: 20_000 });
    await waitForStatus(integration.name, /^Active$/);
  });

  it('an unknown tenant: the popup shows the error to the merchant, the dashboard shows the refused callback to the operator', async () => {
    const wrong = (url: string) => url.replace(/\/[^/]+$/, '/no-such-tenant');
    const integration = await addIntegration({
      callbackUrl: wrong(app.callbackUrl),
      identityUrl: wrong(app.identityUrl),
    });
    const popup = await allow(integration.name, 'Activate');
    await popup.getByText(/Unknown tenant "no-such-tenant"/).waitFor();
    await shot(popup, 'failing-unknown-tenant-popup');
    await popup.close();
    await waitForStatus(integration.name, /^Inactive$/);
    await expectRejectedOnDashboard(app, 'UNKNOWN_TENANT', 'failing-unknown-tenant-dashboard');
  });

  it('a callback refused by the security rules (a known consumer key with another secret): the merchant is told, the operator sees CALLBACK_MISMATCH', async () => {
    const integration = await addIntegration(app);
    // Someone who learnt the key first called back with a secret of their own.
    const squat = await fetch(app.callbackUrl, {
      method: 'POST',
      body: new URLSearchParams({
        oauth_consumer_key: integration.consumerKey,
        oauth_consumer_secret: '0'.repeat(32),
        oauth_verifier: '1'.repeat(32),
        store_base_url: 'http://127.0.0.1:9/',
      }),
    });
    expect(squat.status).toBe(200);
    const popup = await allow(integration.name, 'Activate');
    await signInInPopup(popup, app.account);
    await popup.getByRole('heading', { name: 'The connection was refused' }).waitFor();
    await popup.getByText('CALLBACK_MISMATCH').waitFor();
    await shot(popup, 'failing-security-rules-popup');
    await popup.close();
    await waitForStatus(integration.name, /^Inactive$/);
    await expectRejectedOnDashboard(app, 'CALLBACK_MISMATCH', 'failing-security-rules-dashboard');
  });

  it('a store URL refused by the guard: the merchant is told in the popup, the operator sees STORE_URL_REFUSED', async () => {
    const strict = await startJourneyApp({ strict: true });
    try {
      const integration = await addIntegration(strict);
      const popup = await allow(integration.name, 'Activate');
      await signInInPopup(popup, strict.account);
      await popup.getByRole('heading', { name: 'The connection was refused' }).waitFor();
      await popup.getByText(/Store URL refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address/).waitFor();
      await shot(popup, 'failing-store-url-popup');
      await popup.close();
      await waitForStatus(integration.name, /^Inactive$/);
      await expectRejectedOnDashboard(strict, 'STORE_URL_REFUSED', 'failing-store-url-dashboard');
    } finally {
      await strict.process.stop();
    }
  });

  /** The operator's view: the refused callback on the dashboard's stores page, with its code. */
  async function expectRejectedOnDashboard(target: JourneyApp, code: string, screenshot: string): Promise<void> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signInToDashboard(page, target);
      const panel = page.getByRole('region', { name: 'Rejected callbacks' });
      await panel.getByRole('row').filter({ hasText: code }).first().waitFor({ timeout: 20_000 });
      await panel.scrollIntoViewIfNeeded();
      await shot(page, screenshot);
    } finally {
      await page.close();
    }
  }
}

describeInBrowser(`the merchant's and the operator's journeys in chromium (${JOURNEY_APP.label})`, suite);

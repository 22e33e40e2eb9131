import { createServer } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeInBrowser, openBrowser } from '../test-support/browser';
import { IntegrationAppServer } from '../test-support/integration-app-server';
import { startSandbox, type IntegrationView, type RunningSandbox } from '../testing';
import { ADMIN_TEXTS } from './admin-page.texts';

jest.setTimeout(60_000);

/** A loopback URL nothing listens on (connection refused). */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/callback`;
}

function suite(): void {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;
  const app = new IntegrationAppServer();

  beforeAll(async () => {
    [sandbox, browser] = await Promise.all([startSandbox({ seed: false }), openBrowser(), app.start()]);
    page = await browser.newPage();
    await page.goto(`${sandbox.baseUrl}admin#token=${encodeURIComponent(sandbox.adminToken)}`);
  });
  afterEach(async () => {
    if (await page.locator('#integration-dialog').isVisible()) await page.keyboard.press('Escape');
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await app.stop();
  });

  const row = (name: string): Locator =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const statusOf = (name: string): Locator => row(name).locator('td.status');
  const dialog = (name: string): Locator => page.getByRole('dialog', { name, exact: true });
  async function create(
    name: string,
    input: Partial<{ endpointUrl: string; identityLinkUrl: string; resources: 'all' | string[] }>,
  ): Promise<IntegrationView> {
    const integration = await sandbox.admin.createIntegration({ name, resources: 'all', ...input });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await row(name).waitFor();
    return integration;
  }
  /** Waits until the locator (re-resolved each time: the grid re-renders) shows the text. */
  async function waitForText(locator: Locator, text: string, timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((await locator.textContent()) !== text) {
      if (Date.now() > until) throw new Error(`still "${await locator.textContent()}", expected "${text}"`);
      await page.waitForTimeout(100);
    }
  }
  const focusIsIn = (id: string) =>
    page.evaluate(`document.getElementById(${JSON.stringify(id)}).contains(document.activeElement)`);

  it('takes the admin token from the URL fragment and removes it from the address bar', async () => {
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.getByRole('table', { name: 'Integrations' }).isVisible()).toBe(true);
  });

  it('grid -> Activate -> dialog with ACL titles -> Allow -> callback POST, identity popup with oauth_consumer_key and success_call_back -> popup closes -> Active', async () => {
    const integration = await create('acme', {
      endpointUrl: app.callbackUrl,
      identityLinkUrl: app.identityUrl,
      resources: ['Magento_Catalog::products', 'Magento_Sales::actions_view'],
    });
    expect(await statusOf('acme').textContent()).toBe('Inactive');
    const activate = row('acme').getByRole('button', { name: 'Activate', exact: true });
    await activate.click();
    const permissions = dialog('acme');
    await permissions.waitFor();
    expect(await focusIsIn('integration-dialog')).toBe(true);
    expect(await permissions.getByText(ADMIN_TEXTS.permissionsIntro).isVisible()).toBe(true);
    expect(
      await permissions.getByRole('list', { name: 'Available APIs' }).getByRole('listitem').allTextContents(),
    ).toEqual(['View (Sales > Operations > Orders > Actions)', 'Products (Catalog > Inventory)']);
    await page.keyboard.press('Escape');
    await permissions.waitFor({ state: 'hidden' });
    expect(await focusIsIn('activate-' + integration.id)).toBe(true);

    await activate.click();
    const popupOpened = page.waitForEvent('popup');
    await dialog('acme').getByRole('button', { name: 'Allow', exact: true }).click();
    const popup = await popupOpened;
    const opened = app.identityRequests.at(-1) as URL;
    expect(`${opened.origin}${opened.pathname}`).toBe(app.identityUrl);
    expect(opened.searchParams.get('oauth_consumer_key')).toBe(integration.consumer_key);
    expect(opened.searchParams.get('success_call_back')).toBe(
      `${sandbox.baseUrl}admin/admin/integration/loginSuccessCallback/`,
    );
    expect(app.consumers.get(integration.consumer_key as string)).toHaveLength(1);
    await popup.waitForEvent('close', { timeout: 15_000 });
    await waitForText(statusOf('acme'), 'Active');
    expect(await row('acme').getByRole('button', { name: 'Reauthorize', exact: true }).isVisible()).toBe(true);
    expect(await dialog('acme').isVisible()).toBe(false);
  });

  it("Reauthorize: the same dialog with Magento's Reauthorize button, a new callback POST and popup, Active again", async () => {
    const [integration] = (await sandbox.admin.listIntegrations()).filter((it) => it.name === 'acme');
    await row('acme').getByRole('button', { name: 'Reauthorize', exact: true }).click();
    await dialog('acme').getByRole('listitem').first().waitFor();
    const popupOpened = page.waitForEvent('popup');
    await dialog('acme').getByRole('button', { name: 'Reauthorize', exact: true }).click();
    const popup = await popupOpened;
    expect(await dialog('acme').getByText("Integration 'acme' has been sent for re-authorization.").isVisible()).toBe(
      true,
    );
    await popup.waitForEvent('close', { timeout: 15_000 });
    await waitForText(statusOf('acme'), 'Active');
    const posts = app.consumers.get(integration.consumer_key as string) ?? [];
    expect(posts).toHaveLength(2);
    expect(posts[1].fields['oauth_verifier']).not.toBe(posts[0].fields['oauth_verifier']);
  });

  it("by keyboard: a refused callback POST shows Magento's error, opens no popup and leaves the integration Inactive", async () => {
    await create('refused', { endpointUrl: await refusedUrl(), identityLinkUrl: app.identityUrl });
    let popups = 0;
    page.context().on('page', () => (popups += 1));
    // By keyboard only: Enter on Activate, then Tab past Cancel to Allow.
    await row('refused').getByRole('button', { name: 'Activate', exact: true }).focus();
    await page.keyboard.press('Enter');
    await dialog('refused').getByRole('listitem').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Allow');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText(ADMIN_TEXTS.postFailed, { exact: true }).waitFor();
    expect(await statusOf('refused').textContent()).toBe('Inactive');
    expect(await row('refused').getByRole('button', { name: 'Activate', exact: true }).isVisible()).toBe(true);
    expect(popups).toBe(0);
  });

  it('without both URLs, Allow shows the token dialog (TokensDialog) with the four credentials, and Done leaves it Active', async () => {
    const integration = await create('direct', { resources: 'all' });
    await row('direct').getByRole('button', { name: 'Activate', exact: true }).click();
    await dialog('direct').getByRole('listitem').first().waitFor();
    expect(await dialog('direct').getByRole('listitem').allTextContents()).toEqual(['All resources']);
    await dialog('direct').getByRole('button', { name: 'Allow', exact: true }).click();
    const tokens = dialog('direct');
    await tokens.getByRole('group', { name: 'Integration Tokens for Extensions' }).waitFor();
    expect(await tokens.getByLabel('Consumer Key', { exact: true }).inputValue()).toBe(integration.consumer_key);
    expect(await tokens.getByLabel('Consumer Secret', { exact: true }).inputValue()).toMatch(/^[0-9a-z]{32}$/);
    expect(await tokens.getByLabel('Access Token', { exact: true }).inputValue()).toMatch(/^[0-9a-z]{32}$/);
    expect(await tokens.getByLabel('Access Token Secret', { exact: true }).inputValue()).toMatch(/^[0-9a-z]{32}$/);
    expect(await page.getByRole('status').getByText("The integration 'direct' has been activated.").isVisible()).toBe(
      true,
    );
    await tokens.getByRole('button', { name: 'Done', exact: true }).click();
    await waitForText(statusOf('direct'), 'Active');
  });
}

describeInBrowser(
  'sandbox admin page in chromium: Integrations grid, activation dialogs and the identity popup',
  suite,
);

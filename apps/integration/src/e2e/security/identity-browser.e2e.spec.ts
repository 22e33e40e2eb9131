import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '@magekit/sandbox/testing';
import { describeInBrowser, openBrowser } from '../../test-support/browser';
import { activate, createIntegration, settledStore, storesOf } from '../../test-support/sandbox-flow';
import { startTestService, waitFor, type TestService } from '../../test-support/test-service';

jest.setTimeout(60_000);

const SHOTS = join(__dirname, '..', '..', '..', 'test-output', 'security');

/** Opens the identity link as Magento's admin does: `window.open` from the admin page (docs/magento-behaviour.md §2.5). */
async function openPopup(admin: Page, popupUrl: string): Promise<Page> {
  const popup = admin.waitForEvent('popup');
  // A script string: this project compiles without the DOM library.
  await admin.evaluate(`void window.open(${JSON.stringify(popupUrl)}, 'integration', 'width=600,height=700')`);
  return popup;
}

function suite(): void {
  let sandbox: RunningSandbox;
  let service: TestService;
  let browser: Browser;

  beforeAll(async () => {
    [sandbox, service, browser] = await Promise.all([startSandbox(), startTestService(), openBrowser()]);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await sandbox?.close();
  });

  it('identity link in a real browser: the merchant signs in in the popup and lands on success_call_back (CSP form-action no longer blocks it)', async () => {
    const integration = await createIntegration(sandbox, service, 'browser');
    const activation = await activate(sandbox, integration.id);
    await settledStore(service, integration.consumer_key);
    const admin = await browser.newPage();
    await admin.goto(`${sandbox.baseUrl}admin`);
    const popup = await openPopup(admin, activation.popup_url);
    const visited: string[] = [];
    popup.on('framenavigated', (frame) => {
      if (frame === popup.mainFrame()) visited.push(frame.url());
    });
    const blocked: string[] = [];
    popup.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await popup.waitForLoadState();
    await popup.getByLabel('E-mail address').fill(service.firstStart!.account.email);
    await popup.getByLabel('Password').fill(service.firstStart!.account.password);
    await popup.screenshot({ path: join(SHOTS, 'identity-sign-in.png') });
    await popup.getByRole('button', { name: 'Sign in and connect' }).click();
    const successUrl = `${sandbox.baseUrl}admin/admin/integration/loginSuccessCallback/`;
    await waitFor(
      'the popup to reach success_call_back',
      async () => (visited.includes(successUrl) ? true : undefined),
      15_000,
    );
    expect(blocked).toEqual([]);
    // Magento's loginSuccessCallback page closes the popup itself after 1 s.
    await waitFor('the popup to close', async () => (popup.isClosed() ? true : undefined), 10_000);
    const [store] = await storesOf(service, integration.consumer_key);
    expect(store.vendorAccount).toMatchObject({ email: service.firstStart!.account.email });
    await admin.close();
  });

  it('identity link in a real browser never leaves for another origin (open redirect)', async () => {
    const integration = await createIntegration(sandbox, service, 'browser-redirect');
    const activation = await activate(sandbox, integration.id);
    await settledStore(service, integration.consumer_key);
    const evil = activation.popup_url.replace(
      /success_call_back=[^&]+/,
      `success_call_back=${encodeURIComponent('https://evil.example.net/admin/')}`,
    );
    const page = await browser.newPage();
    await page.goto(evil);
    await page.getByLabel('E-mail address').fill(service.firstStart!.account.email);
    await page.getByLabel('Password').fill(service.firstStart!.account.password);
    await page.getByRole('button', { name: 'Sign in and connect' }).click();
    await page.getByText('You can close this window').waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(activation.popup_url).origin);
    await page.close();
  });
}

describeInBrowser('identity link in chromium (SQLite)', suite);

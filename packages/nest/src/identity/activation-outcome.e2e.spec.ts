import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { callbackForm, startE2eApp, type E2eApp } from '../test-support/e2e-app';
import { createVendorAccount } from './vendor-accounts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'long enough password';

describe('identity link: the merchant sees whether the store got connected', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;

  beforeEach(async () => {
    e2e = await startE2eApp({ productName: 'Acme Sync' });
    store = await startFakeMagento({ handshake: true });
    await createVendorAccount(
      e2e.dataSource,
      { email: 'merchant@example.com', name: 'Merchant Ltd', password: PASSWORD },
      FAST,
    );
  });
  afterEach(async () => {
    await e2e.close();
    await store.close();
  });

  async function signIn() {
    const successCallBack = `${store.baseUrl}admin/admin/integration/loginSuccessCallback/`;
    const page = await e2e.http
      .get('/magento/identity/acme')
      .query({ oauth_consumer_key: store.credentials.consumerKey, success_call_back: successCallBack })
      .expect(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const formToken = /name="form_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const fields = {
      email: 'merchant@example.com',
      password: PASSWORD,
      oauth_consumer_key: store.credentials.consumerKey,
      success_call_back: successCallBack,
      form_token: formToken,
    };
    return e2e.http
      .post('/magento/identity/acme')
      .set('Cookie', cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send(fields);
  }

  it('a callback the URL guard refused: "The connection was refused" with the reason and code, no redirect to the admin', async () => {
    await e2e.http
      .post('/magento/callback/acme')
      .type('form')
      .send(callbackForm(store, { store_base_url: 'http://10.1.2.3/' }))
      .expect(400);
    const page = await signIn();
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>The connection was refused</h1>');
    expect(page.text).toContain('Store URL refused: 10.1.2.3 resolves to 10.1.2.3, a private address.');
    expect(page.text).toContain('<code>STORE_URL_REFUSED</code>');
    expect(page.text).toContain('click Reauthorize');
    expect(page.text).not.toContain('http-equiv="refresh"');
  });

  it('a handshake that failed: "The connection did not complete" with the store\'s answer', async () => {
    const expired: Server = createServer(
      (req, res) => void req.resume().on('end', () => res.writeHead(401).end('oauth_problem=Consumer+key+has+expired')),
    );
    await new Promise<void>((resolve) => expired.listen(0, '127.0.0.1', resolve));
    const expiredUrl = `http://127.0.0.1:${(expired.address() as AddressInfo).port}/`;
    await e2e.http
      .post('/magento/callback/acme')
      .type('form')
      .send(callbackForm(store, { store_base_url: expiredUrl }))
      .expect(200);
    await e2e.settle();
    await new Promise((resolve) => expired.close(resolve));
    const page = await signIn();
    expect(page.text).toContain('<h1>The connection did not complete</h1>');
    expect(page.text).toContain('<code>CONSUMER_EXPIRED</code>');
    expect(page.text).not.toContain('http-equiv="refresh"');
  });

  it('an active store: the page that returns to success_call_back', async () => {
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: [] }));
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const page = await signIn();
    expect(page.text).toContain('<h1>Store connected</h1>');
    expect(page.text).toContain('http-equiv="refresh"');
  });
});

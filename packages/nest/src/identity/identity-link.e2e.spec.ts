import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { StoreEntity } from '../entities';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';
import { createVendorAccount } from './vendor-accounts';

const FAST = { N: 2 ** 14, r: 8, p: 1 };

describe('identity link (sign-in popup) over HTTP', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;
  let accountId: string;

  beforeEach(async () => {
    e2e = await startE2eApp({ productName: 'Acme Sync' });
    store = await startFakeMagento({ handshake: true });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
    accountId = (
      await createVendorAccount(
        e2e.dataSource,
        { email: 'Merchant@Example.com', name: 'Merchant Ltd', password: 'long enough password' },
        FAST,
      )
    ).id;
  });
  afterEach(async () => {
    await e2e.close();
    await store.close();
  });

  const successCallBack = () => `${store.baseUrl}admin/admin/integration/loginSuccessCallback/`;

  async function openForm(consumerKey = store.credentials.consumerKey, callBack = successCallBack()) {
    const page = await e2e.http
      .get('/magento/identity/acme')
      .query({ oauth_consumer_key: consumerKey, success_call_back: callBack })
      .expect(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const formToken = /name="form_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    return { page, cookie, formToken };
  }

  async function signIn(fields: Record<string, string>, cookie: string) {
    return e2e.http
      .post('/magento/identity/acme')
      .set('Cookie', cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send(fields);
  }

  it('renders an accessible sign-in form with strict headers', async () => {
    const { page, formToken } = await openForm();
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('<label for="email">E-mail address</label>');
    expect(page.text).toContain('<input id="email" name="email" type="email" autocomplete="username" required');
    expect(page.text).toContain('<label for="password">Password</label>');
    expect(page.text).toContain(`name="oauth_consumer_key" value="${store.credentials.consumerKey}"`);
    expect(page.text).toContain('<h1>Acme Sync</h1>');
    expect(formToken.length).toBeGreaterThan(20);
    expect(page.headers['set-cookie'][0]).toMatch(/HttpOnly/);
    expect(page.headers['set-cookie'][0]).toMatch(/SameSite=Lax/);
    expect(page.headers['set-cookie'][0]).toMatch(/Path=\/magento\/identity\/acme;/);
    expect(page.text).toContain('<form method="post" action="/magento/identity/acme">');
  });

  it('escapes what it echoes', async () => {
    const { page } = await openForm(store.credentials.consumerKey, '"><script>alert(1)</script>');
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('after the callback: links the account and redirects to success_call_back on the store', async () => {
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const { cookie, formToken } = await openForm();
    const answer = await signIn(
      {
        email: 'merchant@example.com',
        password: 'long enough password',
        oauth_consumer_key: store.credentials.consumerKey,
        success_call_back: successCallBack(),
        form_token: formToken,
      },
      cookie,
    );
    // A page that navigates on (a 303 after the POST would be blocked by the form's CSP in Chromium).
    expect(answer.status).toBe(200);
    expect(answer.headers.location).toBeUndefined();
    const escaped = successCallBack().replace(/&/g, '&amp;');
    expect(answer.text).toContain(`<meta http-equiv="refresh" content="0; url=${escaped}">`);
    expect(answer.text).toContain(`<a href="${escaped}">Continue to the Magento admin</a>`);
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    expect(row.vendorAccountId).toBe(accountId);
    const api = await e2e.http.get(`/api/stores/${row.id}`).set('Authorization', `Bearer ${e2e.token}`).expect(200);
    expect(api.body.vendorAccount).toEqual({ id: accountId, email: 'merchant@example.com', name: 'Merchant Ltd' });
  });

  it('before the callback: links first, the callback then attaches the account; no redirect without a known store', async () => {
    const { cookie, formToken } = await openForm();
    const answer = await signIn(
      {
        email: 'merchant@example.com',
        password: 'long enough password',
        oauth_consumer_key: store.credentials.consumerKey,
        success_call_back: successCallBack(),
        form_token: formToken,
      },
      cookie,
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('The activation is linked to Merchant Ltd. You can close this window');
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    expect(row).toMatchObject({ vendorAccountId: accountId, status: 'active' });
  });

  it('never redirects to another origin (no open redirect)', async () => {
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const { cookie, formToken } = await openForm(store.credentials.consumerKey, 'https://evil.example.net/admin/');
    const answer = await signIn(
      {
        email: 'merchant@example.com',
        password: 'long enough password',
        oauth_consumer_key: store.credentials.consumerKey,
        success_call_back: 'https://evil.example.net/admin/',
        form_token: formToken,
      },
      cookie,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.location).toBeUndefined();
    expect(answer.text).not.toContain('evil.example.net');
    expect(answer.text).toContain('You can close this window');
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const { cookie, formToken } = await openForm();
    const fields = {
      oauth_consumer_key: store.credentials.consumerKey,
      success_call_back: successCallBack(),
      form_token: formToken,
    };
    const wrong = await signIn({ ...fields, email: 'merchant@example.com', password: 'not the password' }, cookie);
    const unknown = await signIn({ ...fields, email: 'nobody@example.com', password: 'not the password' }, cookie);
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.text).toContain('role="alert"');
      expect(answer.text).toContain('The e-mail address or password is not correct.');
      expect(answer.text).not.toContain('not the password');
    }
  });

  it('refuses a post without the form cookie (cross-site)', async () => {
    const { formToken } = await openForm();
    const answer = await signIn(
      {
        email: 'merchant@example.com',
        password: 'long enough password',
        oauth_consumer_key: store.credentials.consumerKey,
        success_call_back: successCallBack(),
        form_token: formToken,
      },
      'other=1',
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('This sign-in form has expired');
  });

  it('answers a link without a consumer key with an error page, and an unknown tenant with 404', async () => {
    const page = await e2e.http.get('/magento/identity/acme').set('Accept', 'text/html').expect(400);
    expect(page.text).toContain('missing its oauth_consumer_key');
    const json = await e2e.http
      .get('/magento/identity/bad%20tenant')
      .query({ oauth_consumer_key: store.credentials.consumerKey })
      .expect(404);
    expect(json.body.error.code).toBe('UNKNOWN_TENANT');
  });
});

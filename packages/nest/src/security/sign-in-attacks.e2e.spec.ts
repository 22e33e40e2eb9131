import { createVendorAccount } from '../identity/vendor-accounts';
import { magentoToken } from '../test-support/callbacks';
import { startE2eApp, type E2eApp } from '../test-support/e2e-app';
import { describeOnDatabases } from '../test-support/test-databases';

jest.setTimeout(30_000);

// Test-sized scrypt cost (the suites run while every other project tests too).
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const RIGHT = 'long enough password';

describeOnDatabases(['SQLite', 'PostgreSQL'], 'attacks on the identity sign-in', (database) => {
  let e2e: E2eApp;
  const consumerKey = magentoToken();

  beforeEach(async () => {
    e2e = await startE2eApp({ throttle: { signIn: { perAddress: 5, global: 100 } } }, undefined, database);
    await createVendorAccount(
      e2e.dataSource,
      { email: 'merchant@example.com', name: 'Merchant Ltd', password: RIGHT },
      FAST,
    );
  });
  afterEach(async () => {
    await e2e?.close();
  });

  async function signIn(password: string) {
    const page = await e2e.http
      .get('/magento/identity/acme')
      .query({ oauth_consumer_key: consumerKey, success_call_back: '' })
      .expect(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const formToken = /name="form_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const fields = {
      email: 'merchant@example.com',
      password,
      oauth_consumer_key: consumerKey,
      success_call_back: '',
      form_token: formToken,
    };
    return e2e.http
      .post('/magento/identity/acme')
      .set('Cookie', cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send(fields);
  }

  it('sign-in flood: POSTs over the per-address limit get 429 with Retry-After, even with the right password; the form itself stays reachable', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await signIn(`wrong password ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const refused = await signIn(RIGHT);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.text).toContain('Too many requests to your network address');
    expect(refused.text).not.toContain('The e-mail address or password is not correct.');
  });
});

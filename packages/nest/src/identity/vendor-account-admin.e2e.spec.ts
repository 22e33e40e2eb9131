import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { IdentityLinkEntity } from '../entities';
import { startE2eApp, type E2eApp } from '../test-support/e2e-app';
import { setVendorAccountDisabled } from './vendor-account-admin';
import { createVendorAccount } from './vendor-accounts';

const FAST = { N: 2 ** 14, r: 8, p: 1 };

describe('a disabled vendor account on the identity link', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;

  beforeEach(async () => {
    e2e = await startE2eApp({ productName: 'Acme Sync' });
    store = await startFakeMagento({ handshake: true });
    await createVendorAccount(
      e2e.dataSource,
      { email: 'merchant@example.com', name: 'Merchant Ltd', password: 'long enough password' },
      FAST,
    );
  });
  afterEach(async () => {
    await e2e.close();
    await store.close();
  });

  async function signIn(email: string, password: string) {
    const page = await e2e.http
      .get('/magento/identity/acme')
      .query({ oauth_consumer_key: store.credentials.consumerKey, success_call_back: `${store.baseUrl}admin/` })
      .expect(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const formToken = /name="form_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const fields = {
      email,
      password,
      oauth_consumer_key: store.credentials.consumerKey,
      success_call_back: `${store.baseUrl}admin/`,
      form_token: formToken,
    };
    return e2e.http
      .post('/magento/identity/acme')
      .set('Cookie', cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send(fields);
  }

  const withoutToken = (html: string) => html.replace(/name="form_token" value="[^"]+"/, '');

  it('gets the answer of a wrong password with the right one, links nothing, and signs in again once enabled', async () => {
    const wrong = await signIn('merchant@example.com', 'not the password');
    await setVendorAccountDisabled(e2e.dataSource, 'merchant@example.com', true);
    const disabled = await signIn('merchant@example.com', 'long enough password');
    expect(disabled.status).toBe(401);
    expect(disabled.text).toContain('The e-mail address or password is not correct.');
    expect(disabled.text).not.toMatch(/disabled/i);
    expect(withoutToken(disabled.text)).toBe(withoutToken(wrong.text));
    expect(await e2e.dataSource.getRepository(IdentityLinkEntity).count()).toBe(0);

    await setVendorAccountDisabled(e2e.dataSource, 'merchant@example.com', false);
    const enabled = await signIn('merchant@example.com', 'long enough password');
    expect(enabled.status).toBe(200);
    expect(await e2e.dataSource.getRepository(IdentityLinkEntity).count()).toBe(1);
    expect(enabled.text).not.toContain('The e-mail address or password is not correct.');
  });
});

import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { StoreEntity } from '../entities';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';
import type { LookupAll } from './store-url-policy';

// "shop.test" resolves to the fake store's loopback address through the injected DNS lookup.
const lookup: LookupAll = async (host) => {
  if (host === 'shop.test') return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

describe('store-URL guard on the callback', () => {
  let e2e: E2eApp | undefined;
  let store: FakeMagentoServer;

  beforeEach(async () => {
    store = await startFakeMagento({ handshake: true });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
  });
  afterEach(async () => {
    await e2e?.close();
    await store.close();
  });

  const hostUrl = () => store.baseUrl.replace('127.0.0.1', 'shop.test');

  it.each([
    ['a loopback IP', () => store.baseUrl, 'resolves to 127.0.0.1, a loopback address'],
    ['a name resolving to loopback', () => hostUrl(), 'shop.test resolves to 127.0.0.1, a loopback address'],
  ])('refuses %s when not allow-listed, and stores nothing', async (_name, url, problem) => {
    e2e = await startE2eApp({ storeUrl: { allowHttp: true } }, lookup);
    const answer = await e2e.http
      .post('/magento/callback/acme')
      .type('form')
      .send(callbackForm(store, { store_base_url: url() }));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'STORE_URL_REFUSED',
      message: expect.stringContaining(problem),
      hint: expect.stringContaining('allowedNetworks'),
    });
    await e2e.settle();
    expect(await e2e.dataSource.getRepository(StoreEntity).count()).toBe(0);
    expect(store.requests).toEqual([]);
  });

  it('hints name the settings as the app calls them (settingNames)', async () => {
    e2e = await startE2eApp(
      { storeUrl: { allowHttp: true }, settingNames: { allowHttp: 'ALLOW_HTTP=1', allowedNetworks: 'NETWORKS' } },
      lookup,
    );
    const answer = await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store));
    expect(answer.body.error.hint).toContain('set ALLOW_HTTP=1 and add its network to NETWORKS.');
    const tenant = await e2e.http.post('/magento/callback/other tenant').type('form').send(callbackForm(store));
    expect(tenant.body.error).toMatchObject({
      code: 'UNKNOWN_TENANT',
      hint: expect.stringContaining('the tenants option'),
    });
  });

  it('refuses http:// unless allowHttp', async () => {
    e2e = await startE2eApp({ storeUrl: { allowedNetworks: ['127.0.0.1/32'] } }, lookup);
    const answer = await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store));
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('is not https');
  });

  it('activates a store whose name resolves to an allow-listed private address, connecting through the guarded fetch', async () => {
    e2e = await startE2eApp({ storeUrl: { allowHttp: true, allowedNetworks: ['127.0.0.0/8'] } }, lookup);
    await e2e.http
      .post('/magento/callback/acme')
      .type('form')
      .send(callbackForm(store, { store_base_url: hostUrl() }))
      .expect(200);
    await e2e.settle();
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    expect(row).toMatchObject({ status: 'active', storeBaseUrl: hostUrl() });
    expect(store.requests.map((request) => request.headers.host)).toEqual(Array(3).fill(new URL(hostUrl()).host));
  });

  it('refuses a callback whose fields are malformed, naming them', async () => {
    e2e = await startE2eApp({}, lookup);
    const answer = await e2e.http
      .post('/magento/callback/acme')
      .type('form')
      .send({ oauth_consumer_key: 'short', store_base_url: store.baseUrl });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_CALLBACK');
    expect(answer.body.error.message).toContain('oauth_consumer_key must be 32 letters/digits');
    expect(answer.body.error.message).toContain('oauth_verifier is missing');
  });
});

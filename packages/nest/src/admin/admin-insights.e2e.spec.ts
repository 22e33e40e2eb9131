import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { resolveMagentoOptions } from '../config/resolve-options';
import { StoreEntity } from '../entities';
import { TEST_KEYS } from '../test-support/test-app';
import { StoreClientFactory } from '../stores/store-client.factory';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';

const REQUIRED = [
  'Magento_Backend::store',
  'Magento_Sales::actions_view',
  'Magento_Catalog::products',
  'Magento_Sales::create',
];
const refusal = (resource: string) => ({
  status: 401,
  json: { message: "The consumer isn't authorized to access %resources.", parameters: { resources: resource } },
});

describe('admin API insights over HTTP: required resources, token health, failed calls, activity', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;
  let storeId: string;

  beforeEach(async () => {
    e2e = await startE2eApp({ requiredResources: REQUIRED });
    store = await startFakeMagento({ handshake: true });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
    store.route('GET', '/rest/V1/store/storeGroups', () => ({ json: [] }));
    store.route('GET', '/rest/V1/orders', () => refusal('Magento_Sales::actions_view'));
    store.route('GET', '/rest/V1/products', () => ({
      status: 400,
      json: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'searchCriteria' } },
    }));
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    storeId = (await api('get', '/api/stores').expect(200)).body.items[0].id;
  });
  afterEach(async () => {
    await e2e.close();
    await store.close();
  });

  const api = (method: 'get' | 'post', path: string) =>
    e2e.http[method](path).set('Authorization', `Bearer ${e2e.token}`);

  it('checks each required resource with one representative call at activation and shows ACL titles', async () => {
    const detail = (await api('get', `/api/stores/${storeId}`).expect(200)).body;
    expect(detail.resources.checkedAt).toBe(new Date(e2e.clock()).toISOString());
    expect(
      detail.resources.items.map((item: { id: string; title: string; state: string; route: string | null }) => [
        item.id,
        item.title,
        item.state,
        item.route,
      ]),
    ).toEqual([
      ['Magento_Backend::store', 'All Stores', 'allowed', 'GET /V1/store/storeGroups'],
      ['Magento_Sales::actions_view', 'View', 'refused', 'GET /V1/orders'],
      ['Magento_Catalog::products', 'Products', 'allowed', 'GET /V1/products'],
      ['Magento_Sales::create', 'Create', 'unknown', null],
    ]);
    expect(detail.resources.items[1].detail).toBe(
      "The consumer isn't authorized to access Magento_Sales::actions_view.",
    );
    expect(detail.resources.items[3].detail).toMatch(/no safe GET route/);
    const orders = store.requests.find((request) => request.path === '/rest/V1/orders');
    expect(decodeURIComponent(orders?.query ?? '')).toBe('searchCriteria[pageSize]=1&searchCriteria[currentPage]=1');
    expect(detail.tokenHealth).toMatchObject({ state: 'ok', checkedAt: expect.any(String) });
    expect(detail.facts).not.toHaveProperty('resources');
    // The checks' own refusals are their result, not failed calls.
    expect((await api('get', `/api/stores/${storeId}/failed-calls`).expect(200)).body).toEqual([]);
  });

  it('records failed calls of StoreClientFactory clients and of the probe, query secrets redacted and base strings masked', async () => {
    store.route('GET', /^\/rest\/V1\/products\/.+/, () => ({
      status: 404,
      json: { message: "The product that was requested doesn't exist. Verify the product and try again." },
    }));
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({ id: storeId });
    const client = e2e.app.get(StoreClientFactory).forStore(row);
    await expect(
      client.get('/V1/products/nope', { query: { token: 'do-not-show-me', fields: 'sku' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    e2e.clock.advance(1000);
    store.oauth.revoke();
    expect((await api('post', `/api/stores/${storeId}/probe`).expect(200)).body.outcome).toBe('rejected');

    const calls = (await api('get', `/api/stores/${storeId}/failed-calls`).expect(200)).body;
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      method: 'GET',
      path: '/rest/V1/store/storeConfigs',
      status: 401,
      code: 'TOKEN_REVOKED',
      attempts: 1,
      signatureProfile: 'latest',
    });
    expect(calls[1]).toMatchObject({
      method: 'GET',
      path: '/rest/V1/products/nope?token=[REDACTED]&fields=sku',
      status: 404,
      code: 'NOT_FOUND',
      message: expect.stringContaining("doesn't exist"),
    });
    for (const call of calls) {
      expect(call.baseString).toMatch(/^GET&http%3A%2F%2F127\.0\.0\.1%3A\d+%2Frest%2FV1%2F/);
      expect(call.baseString).toContain('oauth_token%3D[masked]');
      expect(call.baseString).toContain(`oauth_consumer_key%3D${store.credentials.consumerKey}`);
    }
    expect(calls[1].baseString).toContain('token%3D[masked]');
    const text = JSON.stringify(calls);
    for (const secret of [
      store.credentials.accessToken,
      store.credentials.accessTokenSecret,
      store.credentials.consumerSecret,
      'do-not-show-me',
      'oauth_signature%3D',
      'mk1.',
    ])
      expect(text).not.toContain(secret);

    const detail = (await api('get', `/api/stores/${storeId}`).expect(200)).body;
    expect(detail.tokenHealth).toMatchObject({ state: 'rejected', code: 'TOKEN_REVOKED' });
    expect((await api('get', `/api/stores/${storeId}/failed-calls`).query({ limit: 1 }).expect(200)).body).toHaveLength(
      1,
    );
    expect(
      (await api('get', `/api/stores/${storeId}/failed-calls`).query({ limit: 51 }).expect(400)).body.error.code,
    ).toBe('INVALID_INPUT');
    expect(
      (await api('get', '/api/stores/00000000-0000-4000-8000-000000000000/failed-calls').expect(404)).body.error.code,
    ).toBe('STORE_NOT_FOUND');
  });

  it('token health is none once revoked', async () => {
    await api('post', `/api/stores/${storeId}/revoke`).expect(200);
    expect((await api('get', `/api/stores/${storeId}`).expect(200)).body.tokenHealth).toMatchObject({
      state: 'none',
      code: 'REVOKED',
    });
  });

  it('counts activations started and failed per UTC day', async () => {
    const expired = await startFakeMagento({ handshake: true, activatedSecondsAgo: 400 });
    try {
      e2e.clock.advance(86_400_000);
      await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(expired)).expect(200);
      await e2e.settle();
    } finally {
      await expired.close();
    }
    const activity = (await api('get', '/api/stats/activity').query({ days: 3 }).expect(200)).body;
    expect(activity).toEqual({
      days: 3,
      points: [
        { date: '2024-12-31', started: 0, failed: 0 },
        { date: '2025-01-01', started: 1, failed: 0 },
        { date: '2025-01-02', started: 1, failed: 1 },
      ],
    });
    expect((await api('get', '/api/stats/activity').expect(200)).body.points).toHaveLength(30);
    expect((await api('get', '/api/stats/activity').query({ days: 0 }).expect(400)).body.error.code).toBe(
      'INVALID_INPUT',
    );
    await e2e.http.get('/api/stats/activity').expect(401);
  });

  it('validates requiredResources at boot', () => {
    expect(() =>
      resolveMagentoOptions({ encryption: TEST_KEYS, requiredResources: ['Magento_Sales::actions_view', 'not an id'] }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        message:
          'Invalid MagentoIntegrationModule options: requiredResources: "not an id" is not an ACL id such as Magento_Sales::actions_view.',
      }),
    );
    expect(
      resolveMagentoOptions({ encryption: TEST_KEYS, requiredResources: ['A_B::c', 'A_B::c'] }).requiredResources,
    ).toEqual(['A_B::c']);
    expect(resolveMagentoOptions({ encryption: TEST_KEYS }).requiredResources).toEqual([]);
  });
});

import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { createMagentoOpenApiDocument } from '../openapi';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';
import { ApiTokenEntity } from '../entities/api-token.entity';
import { createApiToken, revokeApiToken } from './api-tokens';
import { ApiTokens } from './api-tokens.service';

describe('admin API (/api/stores) over HTTP', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;
  let storeId: string;

  beforeEach(async () => {
    e2e = await startE2eApp();
    store = await startFakeMagento({ handshake: true });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    storeId = (await e2e.http.get('/api/stores').set('Authorization', `Bearer ${e2e.token}`)).body.items[0].id;
  });
  afterEach(async () => {
    await e2e.close();
    await store.close();
  });

  const api = (method: 'get' | 'post', path: string) =>
    e2e.http[method](path).set('Authorization', `Bearer ${e2e.token}`);

  it.each([
    ['no Authorization header', undefined],
    ['an unknown token', 'Bearer mk_thisisnotarealtokenatallreally'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('answers 401 UNAUTHORIZED with %s', async (_name, header) => {
    const call = e2e.http.get('/api/stores');
    const answer = await (header ? call.set('Authorization', header) : call);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({
      code: 'UNAUTHORIZED',
      hint: expect.stringContaining('magekit tokens create'),
    });
  });

  it('refuses a token revoked through the module at once, although it was cached', async () => {
    const extra = await createApiToken(e2e.dataSource, 'temporary');
    await e2e.http.get('/api/stores').set('Authorization', `Bearer ${extra.token}`).expect(200);
    await e2e.http.get('/api/stores').set('Authorization', `Bearer ${extra.token}`).expect(200);
    expect(await e2e.app.get(ApiTokens).revoke('temporary')).toBe(1);
    await e2e.http.get('/api/stores').set('Authorization', `Bearer ${extra.token}`).expect(401);
    expect(await e2e.app.get(ApiTokens).revoke('temporary')).toBe(0);
  });

  it('refuses a token revoked straight in the database (the CLI without Redis) once its cache entry expires', async () => {
    const extra = await createApiToken(e2e.dataSource, 'temporary');
    const call = () => e2e.http.get('/api/stores').set('Authorization', `Bearer ${extra.token}`);
    await call().expect(200);
    expect(await revokeApiToken(e2e.dataSource, 'temporary')).toBe(1);
    await call().expect(200); // cached: the module was not told
    e2e.clock.advance(5000);
    await call().expect(401);
  });

  it('records when a token was last used, at most once a minute', async () => {
    const extra = await createApiToken(e2e.dataSource, 'usage');
    const call = () => e2e.http.get('/api/stores').set('Authorization', `Bearer ${extra.token}`).expect(200);
    const lastUsed = async () =>
      (await e2e.dataSource.getRepository(ApiTokenEntity).findOneByOrFail({ id: extra.id })).lastUsedAt?.getTime();
    const first = e2e.clock();
    await call();
    await waitFor(async () => (await lastUsed()) === first);
    e2e.clock.advance(59_000);
    await call();
    e2e.clock.advance(1000);
    await call();
    await waitFor(async () => (await lastUsed()) === first + 60_000);
  });

  it('lists stores with paging, filter and search, and never returns secrets', async () => {
    const page = await api('get', '/api/stores')
      .query({ status: 'active', search: '127.0.0', page: 1, pageSize: 10 })
      .expect(200);
    expect(page.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(page.body.items[0]).toMatchObject({
      id: storeId,
      status: 'active',
      consumerKey: store.credentials.consumerKey,
      hasAccessToken: true,
    });
    const text = JSON.stringify(page.body);
    for (const secret of [
      store.credentials.consumerSecret,
      store.credentials.accessToken,
      store.credentials.accessTokenSecret,
      'mk1.',
    ])
      expect(text).not.toContain(secret);
    expect((await api('get', '/api/stores').query({ status: 'failed' }).expect(200)).body.total).toBe(0);
    expect((await api('get', '/api/stores').query({ search: 'nomatch' }).expect(200)).body.total).toBe(0);
    const bad = await api('get', '/api/stores').query({ status: 'weird', pageSize: 1000 }).expect(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
  });

  it('shows one store and its activation timeline', async () => {
    const detail = await api('get', `/api/stores/${storeId}`).expect(200);
    expect(detail.body.facts.storeViews).toHaveLength(2);
    const timeline = await api('get', `/api/stores/${storeId}/activations`).expect(200);
    expect(timeline.body).toHaveLength(1);
    expect(timeline.body[0].state).toBe('active');
    expect(timeline.body[0].events.map((event: { type: string }) => event.type)).toEqual([
      'callback_received',
      'request_token',
      'access_token',
      'active',
    ]);
    expect(JSON.stringify(timeline.body)).not.toContain('mk1.');
    const missing = await api('get', '/api/stores/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.error.code).toBe('STORE_NOT_FOUND');
  });

  it('probes: ok, then needs_reauth once the store rejects the token', async () => {
    const ok = await api('post', `/api/stores/${storeId}/probe`).expect(200);
    expect(ok.body).toMatchObject({ outcome: 'ok', store: { status: 'active' } });
    store.oauth.revoke();
    const rejected = await api('post', `/api/stores/${storeId}/probe`).expect(200);
    expect(rejected.body).toMatchObject({
      outcome: 'rejected',
      store: { status: 'needs_reauth', statusCode: 'TOKEN_REVOKED' },
    });
    const timeline = await api('get', `/api/stores/${storeId}/activations`).expect(200);
    expect(timeline.body[0].state).toBe('needs_reauth');
    expect(timeline.body[0].events.map((event: { type: string }) => event.type).slice(-2)).toEqual([
      'probe_ok',
      'needs_reauth',
    ]);
  });

  it('marks needs_reauth on request, and revoke deletes the stored tokens', async () => {
    expect((await api('post', `/api/stores/${storeId}/reauth`).expect(200)).body).toMatchObject({
      status: 'needs_reauth',
      statusCode: 'REAUTH_REQUESTED',
    });
    const revoked = await api('post', `/api/stores/${storeId}/revoke`).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', hasAccessToken: false });
    const probe = await api('post', `/api/stores/${storeId}/probe`).expect(409);
    expect(probe.body.error.code).toBe('STORE_NOT_ACTIVE');
  });

  it('describes the admin API in an OpenAPI document', () => {
    const document = createMagentoOpenApiDocument(e2e.app);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/rejected-callbacks',
      '/api/security-events',
      '/api/service',
      '/api/stats/activity',
      '/api/stats/stores',
      '/api/stores',
      '/api/stores/saas',
      '/api/stores/{id}',
      '/api/stores/{id}/activations',
      '/api/stores/{id}/failed-calls',
      '/api/stores/{id}/probe',
      '/api/stores/{id}/reauth',
      '/api/stores/{id}/revoke',
    ]);
    expect(document.components?.schemas?.StoreDetailDto).toBeDefined();
    expect(document.components?.schemas?.FailedCallDto).toBeDefined();
    expect(document.components?.securitySchemes).toHaveProperty('bearer');
    expect(document.components?.schemas?.StoreDto).toBeDefined();
    const properties = Object.keys((document.components?.schemas?.StoreDto as { properties: object }).properties);
    expect(properties).toContain('hasAccessToken');
    expect(properties.filter((name) => /secret|enc$|^accessToken/i.test(name))).toEqual([]);
    const register = document.components?.schemas?.RegisterSaasStoreDto as {
      properties: Record<string, { writeOnly?: boolean }>;
      required: string[];
    };
    expect(register.required.sort()).toEqual(['clientId', 'clientSecret', 'orgId', 'url']);
    expect(register.properties['clientSecret'].writeOnly).toBe(true);
  });
});

/** Polls `condition` (a background write the request did not wait for) until it holds; fails after 100 tries. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not met');
}

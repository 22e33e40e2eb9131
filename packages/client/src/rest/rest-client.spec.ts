import { parseAuthorizationHeader } from '@magekit/oauth1';
import { createOAuthAuth } from '../auth/oauth-auth';
import { MagentoClientError } from '../errors/magento-client-error';
import { createRecordingSleep, startFakeMagento, type FakeMagentoServer, type FakeMagentoOptions } from '../testing';
import { path } from '../url/rest-path';
import { createMagentoClient } from './create-magento-client';
import type { MagentoClientOptions } from './client-options';
import type { ClientEvent } from './client-events';

let store: FakeMagentoServer;
afterEach(async () => store?.close());

async function setup(storeOptions: FakeMagentoOptions = {}, clientOptions: Partial<MagentoClientOptions> = {}) {
  store = await startFakeMagento(storeOptions);
  const sleep = createRecordingSleep();
  const events: ClientEvent[] = [];
  const { consumerKey, consumerSecret, accessToken, accessTokenSecret } = store.credentials;
  const client = createMagentoClient({
    baseUrl: store.baseUrl,
    store: 'default',
    auth: createOAuthAuth({ consumerKey, consumerSecret, accessToken, accessTokenSecret }),
    sleep,
    random: () => 0,
    onEvent: (event) => events.push(event),
    ...clientOptions,
  });
  return { client, sleep, events };
}

async function failureOf(promise: Promise<unknown>): Promise<MagentoClientError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof MagentoClientError)) throw new Error(`expected a MagentoClientError, got ${String(error)}`);
  return error;
}

describe.each(['latest', 'laminas'] as const)('signed REST calls to a %s store', (profile) => {
  it("routes an awkward SKU as one segment and passes Magento's signature check", async () => {
    const { client } = await setup({ profile }, { profile });
    store.expect('GET', '/rest/default/V1/products/ABC%2010%2Bx', (request) => ({
      json: { sku: decodeURIComponent(request.path.split('/').pop() ?? ''), oauth: request.oauth?.valid },
    }));
    const product = await client.get(path('/V1/products/:sku', { sku: 'ABC 10+x' }));
    expect(product).toEqual({ sku: 'ABC 10+x', oauth: true });
    store.assertDone();
  });

  it('signs JSON POSTs (body not signed) and form PUTs (body signed)', async () => {
    const { client } = await setup({ profile }, { profile, retry: { methods: ['GET', 'PUT'] } });
    store.expect('POST', '/rest/default/V1/products', (request) => ({
      json: { got: JSON.parse(request.body), valid: request.oauth?.valid },
    }));
    store.expect('PUT', '/rest/default/V1/thing', (request) => ({
      json: { got: request.body, valid: request.oauth?.valid },
    }));
    expect(await client.post('/V1/products', { product: { sku: 'a' } })).toEqual({
      got: { product: { sku: 'a' } },
      valid: true,
    });
    expect(await client.request({ method: 'PUT', path: '/V1/thing', form: { note: 'a b+c' } })).toEqual({
      got: 'note=a%20b%2Bc',
      valid: true,
    });
    store.assertDone();
  });
});

describe('REST URLs and errors', () => {
  it('uses the scope of each call and the index.php fallback', async () => {
    const { client } = await setup({}, { indexPhp: true });
    store.expect('GET', '/index.php/rest/all/V1/store/storeViews', { json: [] });
    store.expect('POST', '/index.php/rest/default/async/bulk/V1/products', { status: 202, json: { bulk_uuid: 'x' } });
    await client.get('/V1/store/storeViews', { store: 'all' });
    await client.post('/V1/products', [{ product: { sku: 'a' } }], { mode: 'async/bulk' });
    expect(client.url('/V1/products', { searchCriteria: { pageSize: 5 } })).toBe(
      `${store.baseUrl}index.php/rest/default/V1/products?searchCriteria%5BpageSize%5D=5`,
    );
    store.assertDone();
  });

  it("maps Magento's error JSON with parameters to a typed error with the status", async () => {
    const { client } = await setup();
    store.expect('GET', '/rest/default/V1/products/nope', {
      status: 404,
      json: { message: "The product that was requested doesn't exist. Verify the product and try again." },
    });
    store.expect('GET', '/rest/default/V1/orders/1', {
      status: 401,
      json: {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Sales::actions_view' },
      },
    });
    const missing = await failureOf(client.get('/V1/products/nope'));
    expect([missing.code, missing.status]).toEqual(['NOT_FOUND', 404]);
    const denied = await failureOf(client.get('/V1/orders/1'));
    expect([denied.code, denied.message]).toEqual([
      'NOT_AUTHORIZED',
      "The consumer isn't authorized to access Magento_Sales::actions_view.",
    ]);
    store.assertDone();
  });

  it('reports a revoked integration as TOKEN_REVOKED', async () => {
    const { client } = await setup();
    store.oauth.revoke();
    const error = await failureOf(client.get('/V1/store/storeConfigs'));
    expect(error.code).toBe('TOKEN_REVOKED');
    expect(error.hint).toMatch(/Reauthorize/);
  });

  it('refuses redirects instead of re-sending a signed request elsewhere', async () => {
    const { client } = await setup();
    store.expect('GET', '/rest/default/V1/modules', {
      status: 301,
      headers: { location: 'https://www.shop.example/rest/default/V1/modules' },
    });
    const error = await failureOf(client.get('/V1/modules'));
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.message).toContain('https://www.shop.example/');
    expect(store.requests).toHaveLength(1);
  });

  it('reports a non-JSON success body as INVALID_RESPONSE', async () => {
    const { client } = await setup();
    store.expect('GET', '/rest/default/V1/modules', { body: '<b>Notice</b>: Undefined index [] ' });
    expect((await failureOf(client.get('/V1/modules'))).code).toBe('INVALID_RESPONSE');
  });

  it('names every bad option at once', () => {
    expect(() =>
      createMagentoClient({ baseUrl: '', profile: 'x' as never, timeoutMs: -1, retry: { methods: ['POST'] } }),
    ).toThrow(
      /baseUrl is required; profile must be "latest" or "laminas"; timeoutMs must be a non-negative integer; retry.methods must not include POST/,
    );
  });

  it('reports request, response and retry events without OAuth secrets', async () => {
    const { client, events } = await setup();
    store.expect('GET', '/rest/default/V1/modules', { status: 503, json: { message: 'busy' } });
    store.expect('GET', '/rest/default/V1/modules', { json: [] });
    await client.get('/V1/modules');
    expect(events.map((e) => e.type)).toEqual(['request', 'response', 'retry', 'request', 'response']);
    const logged = JSON.stringify(events);
    const sent = parseAuthorizationHeader(store.requests[0].headers.authorization);
    for (const secret of [
      sent.oauth_signature,
      sent.oauth_token,
      store.credentials.consumerSecret,
      store.credentials.accessTokenSecret,
    ])
      expect(logged).not.toContain(secret);
    expect(logged).toContain('OAuth [REDACTED]');
  });

  it('uses a fresh nonce and timestamp for every attempt', async () => {
    const { client } = await setup();
    store.expect('GET', '/rest/default/V1/modules', { status: 503, json: { message: 'busy' } });
    store.expect('GET', '/rest/default/V1/modules', { json: ['Magento_Catalog'] });
    await client.get('/V1/modules');
    const nonces = store.requests.map((r) => parseAuthorizationHeader(r.headers.authorization).oauth_nonce);
    expect(new Set(nonces).size).toBe(2);
    expect(store.requests.every((r) => r.oauth?.valid)).toBe(true);
  });
});

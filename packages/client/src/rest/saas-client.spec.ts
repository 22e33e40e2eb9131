import { createAdminTokenAuth, createCustomerTokenAuth } from '../auth/admin-token-auth';
import { createBearerAuth, createGuestAuth } from '../auth/bearer-auth';
import { createImsAuth } from '../auth/ims-auth';
import { createOAuthAuth } from '../auth/oauth-auth';
import { createFakeSaasFetch, makeFakeImsToken, type FakeFetchRequest } from '../testing';
import { createMagentoClient } from './create-magento-client';
import type { MagentoClientOptions } from './client-options';

const ims = () => createImsAuth({ clientId: 'client-id', clientSecret: 'p8e-Zq8xWv7uTs6rQp5oNm4lKj3iHg2fEd1C' });
const OAUTH = { consumerKey: 'ck', consumerSecret: 'cs', accessToken: 'at', accessTokenSecret: 'ats' };

function setup(options: Partial<MagentoClientOptions> = {}) {
  const saas = createFakeSaasFetch('acme');
  const client = createMagentoClient({ baseUrl: saas.baseUrl, auth: ims(), fetch: saas.fetch, ...options });
  const seen = (request: FakeFetchRequest) => ({ json: { url: request.url, store: request.headers['store'] ?? null } });
  return { saas, client, seen };
}

describe('createMagentoClient with an Adobe Commerce as a Cloud Service URL', () => {
  it('sends V1 paths under the tenant, with no rest/ segment, and the store code in the Store header', async () => {
    const { saas, client, seen } = setup({ store: 'default' });
    saas.route('GET', '/V1/products/a%2Fb', seen);
    saas.route('GET', '/V1/store/storeConfigs', seen);
    expect(client.config.edition).toBe('saas');
    expect(await client.get('/V1/products/a%2Fb')).toEqual({
      url: 'https://na1.api.commerce.adobe.com/acme/V1/products/a%2Fb',
      store: 'default',
    });
    expect(await client.get('/V1/store/storeConfigs', { store: 'all', query: { storeCodes: ['de'] } })).toEqual({
      url: 'https://na1.api.commerce.adobe.com/acme/V1/store/storeConfigs?storeCodes%5B0%5D=de',
      store: 'all',
    });
    expect(client.url('/V1/products', undefined, { store: 'de' })).toBe(
      'https://na1.api.commerce.adobe.com/acme/V1/products',
    );
  });

  it('sends no Store header when no store is set, and puts async/ and async/bulk/ after V1', async () => {
    const { saas, client, seen } = setup();
    saas.route('GET', '/V1/modules', seen);
    saas.route('POST', '/V1/async/products', seen);
    saas.route('POST', '/V1/async/bulk/products', seen);
    expect(await client.get('/V1/modules')).toEqual({ url: `${saas.baseUrl}V1/modules`, store: null });
    expect(await client.post('/V1/products', { product: {} }, { mode: 'async' })).toMatchObject({
      url: `${saas.baseUrl}V1/async/products`,
    });
    expect(await client.post('/V1/products', [{ product: {} }], { mode: 'async/bulk', store: 'de' })).toEqual({
      url: `${saas.baseUrl}V1/async/bulk/products`,
      store: 'de',
    });
  });

  it.each([
    ['guest (the default)', undefined],
    ['guest', createGuestAuth()],
    ['OAuth 1.0a', createOAuthAuth(OAUTH)],
    ['admin token', createAdminTokenAuth({ username: 'a', password: 'p' })],
    ['customer token', createCustomerTokenAuth({ username: 'a', password: 'p' })],
  ])('refuses %s auth before sending anything', (_name, auth) => {
    const saas = createFakeSaasFetch();
    let error: unknown;
    try {
      createMagentoClient({ baseUrl: saas.baseUrl, fetch: saas.fetch, ...(auth ? { auth } : {}) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'SAAS_UNSUPPORTED', hint: expect.stringMatching(/createImsAuth/) });
    expect(saas.requests).toHaveLength(0);
  });

  it('refuses a per-call strategy SaaS does not take, and accepts a Bearer IMS user token', async () => {
    const { saas, client } = setup();
    saas.route('GET', '/V1/modules', (request) => ({ json: request.bearerToken }));
    expect(() => client.get('/V1/modules', { auth: createOAuthAuth(OAUTH) })).toThrow(/no integrations signed/);
    expect(await client.get('/V1/modules', { auth: createBearerAuth({ token: 'ims-user-token' }) })).toBe(
      'ims-user-token',
    );
    expect(saas.tokenRequests()).toHaveLength(0);
  });

  it.each([
    ['POST', '/V1/integration/admin/token'],
    ['GET', '/V1/customers/me'],
    ['POST', '/V1/guest-carts'],
    ['GET', '/V1/carts/mine/items'],
  ])('refuses %s %s, which SaaS does not have', (method, path) => {
    const { saas, client } = setup();
    expect(() => client.request({ method, path })).toThrow(
      expect.objectContaining({ code: 'SAAS_UNSUPPORTED', hint: expect.stringMatching(/GraphQL/) }),
    );
    expect(saas.requests).toHaveLength(0);
  });

  it('refuses index.php and bad store codes', () => {
    const saas = createFakeSaasFetch();
    expect(() => createMagentoClient({ baseUrl: saas.baseUrl, auth: ims(), indexPhp: true })).toThrow(/index\.php/);
    expect(() => createMagentoClient({ baseUrl: saas.baseUrl, auth: ims(), store: 'de-x' })).toThrow(/store code/);
    const { client } = setup();
    expect(() => client.get('/V1/modules', { store: 'a/b' })).toThrow(/store code/);
    expect(() => client.get('/V1/modules', { indexPhp: true })).toThrow(/index\.php/);
  });

  it("works the same for a SaaS-compatible store on another host when told edition: 'saas'", async () => {
    const sent: string[] = [];
    const client = createMagentoClient({
      baseUrl: 'http://127.0.0.1:4000/acme',
      edition: 'saas',
      store: 'default',
      auth: createImsAuth({ clientId: 'id', clientSecret: 'secret', tokenUrl: 'http://127.0.0.1:4000' }),
      fetch: (url, init) => {
        const headers = init.headers as Record<string, string>;
        sent.push(`${init.method} ${url} ${headers['store'] ?? ''}`.trim());
        return Promise.resolve(
          url.endsWith('/ims/token/v3')
            ? Response.json({ access_token: 'local', token_type: 'bearer', expires_in: 3600 })
            : Response.json(headers['authorization']),
        );
      },
    });
    expect(await client.get('/V1/modules')).toBe('Bearer local');
    expect(sent).toEqual([
      'POST http://127.0.0.1:4000/ims/token/v3',
      'GET http://127.0.0.1:4000/acme/V1/modules default',
    ]);
    expect(() => client.get('/V1/integration/admin/token')).toThrow(/token services/);
  });
});

describe('createMagentoClient with other URLs (unchanged)', () => {
  it('keeps rest/<store>/ and async/ before V1, with no Store header', async () => {
    const client = createMagentoClient({ baseUrl: 'https://shop.example.com/', store: 'default' });
    expect(client.config.edition).toBe('paas');
    expect(client.url('/V1/products')).toBe('https://shop.example.com/rest/default/V1/products');
    expect(client.url('/V1/products', undefined, { mode: 'async/bulk' })).toBe(
      'https://shop.example.com/rest/default/async/bulk/V1/products',
    );
  });

  it('sends IMS tokens to an Adobe Commerce store on its own host too (token auth stays allowed there)', async () => {
    const saas = createFakeSaasFetch();
    const sent: string[] = [];
    const client = createMagentoClient({
      baseUrl: 'https://shop.example.com/',
      auth: ims(),
      fetch: (url, init) => {
        if (url === saas.tokenUrl) return saas.fetch(url, init);
        sent.push(`${url} ${(init.headers as Record<string, string>)['authorization']}`);
        return Promise.resolve(Response.json([]));
      },
    });
    await client.get('/V1/modules');
    expect(sent).toEqual([`https://shop.example.com/rest/V1/modules Bearer ${makeFakeImsToken(1)}`]);
    expect(() =>
      createMagentoClient({
        baseUrl: 'https://shop.example.com/',
        auth: createAdminTokenAuth({ username: 'a', password: 'p' }),
      }),
    ).not.toThrow();
  });
});

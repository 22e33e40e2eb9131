import type { ImsCredentialView } from './ims-credentials.service';
import { startSandbox, type RunningSandbox } from '../testing';
import type { SaasEndpoints } from './saas-endpoints';
import { DEFAULT_IMS_CREDENTIAL, IMS_COMMERCE_SCOPES } from './saas-options';

const GATEWAY_401 = { error_code: '401013', message: 'Oauth token is not valid' };

describe('SaaS edition: the tenant REST API over HTTP', () => {
  let sandbox: RunningSandbox;
  let saas: SaasEndpoints;
  let now = Date.UTC(2026, 0, 1, 12);
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ edition: 'saas', clock: { now: () => now } });
    saas = sandbox.saas as SaasEndpoints;
    token = await issueToken();
  });
  afterAll(() => sandbox.close());

  async function issueToken(
    credential: Pick<ImsCredentialView, 'clientId' | 'clientSecret'> = DEFAULT_IMS_CREDENTIAL,
    scopes: readonly string[] = IMS_COMMERCE_SCOPES,
  ): Promise<string> {
    const response = await fetch(saas.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credential.clientId,
        client_secret: credential.clientSecret,
        scope: scopes.join(','),
      }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  /** A call under the tenant with the token, the client id as x-api-key and the org id, unless changed. */
  async function call(path: string, headers: Record<string, string | null> = {}, init: RequestInit = {}) {
    const sent: Record<string, string> = {};
    const all = {
      authorization: `Bearer ${token}`,
      'x-api-key': DEFAULT_IMS_CREDENTIAL.clientId,
      'x-gw-ims-org-id': DEFAULT_IMS_CREDENTIAL.orgId,
      ...headers,
    };
    for (const [name, value] of Object.entries(all)) if (value !== null) sent[name] = value;
    const response = await fetch(`${saas.restBaseUrl}${path}`, { ...init, headers: { ...sent, ...init.headers } });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
  }

  async function lastRefusal(): Promise<string | undefined> {
    return (await sandbox.admin.listActivity()).filter((event) => event.type === 'ims_call_refused').pop()?.detail;
  }

  it('serves V1 routes under the tenant with the token, x-api-key and org id: the same data as PaaS', async () => {
    const answer = await call('V1/products?searchCriteria[pageSize]=3&searchCriteria[currentPage]=2');
    expect(answer.status).toBe(200);
    expect(answer.body.total_count).toBe(50);
    expect(answer.body.items).toHaveLength(3);
    expect(answer.body.search_criteria).toEqual({ filter_groups: [], page_size: 3, current_page: 2 });
    expect((await call('V1/store/storeViews')).body.map((view: { code: string }) => view.code)).toEqual([
      'admin',
      'default',
      'es_mx',
    ]);
  });

  it('takes the store view from the Store header (none: the default view); an unknown one is 404', async () => {
    const name = async (store: string | null) =>
      (await call('V1/directory/countries/DE', store === null ? {} : { store })).body.full_name_locale;
    expect([await name(null), await name('default'), await name('es_mx'), await name('all')]).toEqual([
      'Germany',
      'Germany',
      'Alemania',
      'Germany',
    ]);
    expect(await call('V1/directory/countries/DE', { store: 'fr' })).toMatchObject({
      status: 404,
      body: { message: "The store that was requested wasn't found. Verify the store and try again." },
    });
  });

  it.each([
    ['no Authorization header', { authorization: null }, 'no Bearer token'],
    ['another scheme', { authorization: 'OAuth oauth_consumer_key="x"' }, 'no Bearer token'],
    ['a token the sandbox never issued', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln' }, 'unknown token'],
    ['no x-api-key', { 'x-api-key': null }, 'no x-api-key'],
    ['the x-api-key of another client', { 'x-api-key': 'someone-else' }, "x-api-key is not the token's client"],
  ])('refuses %s with the gateway 401, on every path', async (_what, headers, reason) => {
    for (const path of ['V1/products', 'V1/directory/countries', 'V1/no/such/route']) {
      expect(await call(path, headers)).toMatchObject({ status: 401, body: GATEWAY_401 });
      expect(await lastRefusal()).toBe(`GET /${saas.tenantId}/${path}: ${reason}`);
    }
  });

  it('accepts a call without x-gw-ims-org-id, and refuses another organization with 403', async () => {
    expect((await call('V1/store/websites', { 'x-gw-ims-org-id': null })).status).toBe(200);
    expect(await call('V1/store/websites', { 'x-gw-ims-org-id': '0123456789ABCDEF01234567@AdobeOrg' })).toEqual(
      expect.objectContaining({
        status: 403,
        body: { error_code: '403000', message: 'The organization (x-gw-ims-org-id) is not the credential’s' },
      }),
    );
  });

  it('refuses a token without commerce.accs (IMS issues it; Commerce does not take it)', async () => {
    const narrow = await issueToken(DEFAULT_IMS_CREDENTIAL, ['openid', 'AdobeID']);
    expect(await call('V1/products', { authorization: `Bearer ${narrow}` })).toMatchObject({
      status: 401,
      body: GATEWAY_401,
    });
    expect(await lastRefusal()).toBe(`GET /${saas.tenantId}/V1/products: token without commerce.accs`);
  });

  it('refuses an expired token from expires_in on, on the sandbox clock', async () => {
    const credential = await sandbox.admin.createImsCredential({ name: 'short', tokenLifetimeSeconds: 30 });
    const short = await issueToken(credential);
    const headers = { authorization: `Bearer ${short}`, 'x-api-key': credential.clientId };
    const start = now;
    try {
      now = start + 29_999;
      expect((await call('V1/store/websites', headers)).status).toBe(200);
      now = start + 30_000;
      expect(await call('V1/store/websites', headers)).toMatchObject({ status: 401, body: GATEWAY_401 });
      expect(await lastRefusal()).toBe(`GET /${saas.tenantId}/V1/store/websites: expired token`);
    } finally {
      now = start;
    }
  });

  it('refuses revoked tokens (all of a credential, or one) and the tokens of a deleted credential', async () => {
    const credential = await sandbox.admin.createImsCredential({ name: 'revoked' });
    const [first, second, kept] = [await issueToken(credential), await issueToken(credential), await issueToken()];
    const as = (t: string, apiKey = credential.clientId) => ({ authorization: `Bearer ${t}`, 'x-api-key': apiKey });
    expect(await sandbox.admin.revokeImsTokens(credential.clientId)).toBe(2);
    for (const revoked of [first, second]) expect((await call('V1/store/websites', as(revoked))).status).toBe(401);
    expect(await lastRefusal()).toBe(`GET /${saas.tenantId}/V1/store/websites: revoked token`);
    expect((await call('V1/store/websites', as(kept, DEFAULT_IMS_CREDENTIAL.clientId))).status).toBe(200);
    const third = await issueToken(credential);
    expect((await call('V1/store/websites', as(third))).status).toBe(200);
    expect(await sandbox.admin.revokeImsToken(third)).toBe(true);
    expect(await sandbox.admin.revokeImsToken('never-issued')).toBe(false);
    expect((await call('V1/store/websites', as(third))).status).toBe(401);
    const fourth = await issueToken(credential);
    await sandbox.admin.deleteImsCredential(credential.clientId);
    expect((await call('V1/store/websites', as(fourth))).status).toBe(401);
    expect(await lastRefusal()).toBe(`GET /${saas.tenantId}/V1/store/websites: unknown token`);
  });

  it("authorizes with the credential's ACL resources: a missing resource is 403 with Magento's message", async () => {
    const credential = await sandbox.admin.createImsCredential({ resources: ['Magento_Catalog::products'] });
    const limited = { authorization: `Bearer ${await issueToken(credential)}`, 'x-api-key': credential.clientId };
    expect((await call('V1/products?searchCriteria[pageSize]=1', limited)).status).toBe(200);
    expect(await call('V1/orders?searchCriteria[pageSize]=1', limited)).toMatchObject({
      status: 403,
      body: {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Sales::actions_view' },
      },
    });
    await sandbox.admin.updateImsCredential(credential.clientId, { resources: 'all' });
    expect((await call('V1/orders?searchCriteria[pageSize]=1', limited)).status).toBe(200);
  });

  it.each([
    ['POST', 'V1/integration/admin/token', { username: 'admin', password: 'x' }],
    ['POST', 'V1/integration/customer/token', { username: 'customer1@example.com', password: 'x' }],
    ['POST', 'V1/tfa/provider/google/authenticate', { username: 'admin', password: 'x', otp: '1' }],
    ['POST', 'V1/guest-carts', undefined],
    ['GET', 'V1/search?searchCriteria[requestName]=quick_search_container', undefined],
    ['POST', 'V1/customers/resetPassword', { email: 'a@example.com', template: 'x' }],
  ])('answers %s %s, which SaaS does not have, as an unknown route', async (method, path, body) => {
    const init = { method, body: body === undefined ? undefined : JSON.stringify(body) };
    expect(await call(path, { 'content-type': 'application/json' }, init)).toMatchObject({
      status: 404,
      body: { message: 'Request does not match any route.' },
    });
  });

  it('reads /V1/customers/me as /V1/customers/:customerId, as a store without the me route does', async () => {
    expect(await call('V1/customers/me')).toMatchObject({
      status: 400,
      body: { message: 'The "me" value\'s type is invalid. The "int" type was expected. Verify and try again.' },
    });
  });

  it('has no /rest/… and no /oauth/… and nothing outside the tenant', async () => {
    for (const [method, url] of [
      ['GET', 'rest/V1/products'],
      ['GET', 'rest/default/V1/store/websites'],
      ['POST', 'oauth/token/request'],
      ['GET', 'other-tenant/V1/products'],
      ['GET', `${saas.tenantId.toUpperCase()}/V1/products`],
    ]) {
      const response = await fetch(`${sandbox.baseUrl}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'x-api-key': DEFAULT_IMS_CREDENTIAL.clientId },
      });
      expect([url, response.status]).toEqual([url, 404]);
    }
  });

  it('puts async/ and async/bulk/ after V1 and takes their store from the Store header', async () => {
    const product = { product: { sku: 'saas-async-1', name: 'Async', price: 5, attribute_set_id: 4 } };
    const init = { method: 'POST', body: JSON.stringify(product) };
    const accepted = await call('V1/async/products', { 'content-type': 'application/json', store: 'default' }, init);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ request_items: [{ id: 0, status: 'accepted' }], errors: false });
    const bulk = await call(
      'V1/async/bulk/products',
      { 'content-type': 'application/json' },
      { method: 'POST', body: JSON.stringify([product, product]) },
    );
    expect(bulk.body.request_items).toHaveLength(2);
    expect((await call('async/V1/products', { 'content-type': 'application/json' }, init)).status).toBe(404);
  });

  it('describes itself on the admin API', async () => {
    expect(await sandbox.admin.getEdition()).toEqual({
      edition: 'saas',
      restBaseUrl: `${sandbox.baseUrl}sandbox-tenant/`,
      saas: {
        tenantId: 'sandbox-tenant',
        restBaseUrl: `${sandbox.baseUrl}sandbox-tenant/`,
        tokenUrl: `${sandbox.baseUrl}ims/token/v3`,
        imsOrigin: sandbox.baseUrl.replace(/\/$/, ''),
        credential: { ...DEFAULT_IMS_CREDENTIAL },
        tokenLifetimeSeconds: 86399,
      },
    });
  });
});

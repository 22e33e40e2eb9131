import {
  createImsAuth,
  createMagentoClient,
  searchCriteria,
  type ClientEvent,
  type ImsAuthOptions,
  type MagentoClient,
} from '@magekit/client';
import { createManualClock, failureOf } from '@magekit/client/testing';
import { imsAuthOptions, startSandbox, type ImsCredentialView, type RunningSandbox } from '../testing';
import type { SaasEndpoints } from './saas-endpoints';

interface Product {
  id: number;
  sku: string;
  price: number;
}

/**
 * The SaaS journey of @magekit/client against the sandbox over loopback: an IMS token from the
 * sandbox's `/ims/token/v3`, then calls under the tenant, through expiry, revocation and the ACL.
 */
describe('@magekit/client (createImsAuth, edition saas) against the SaaS sandbox', () => {
  const clock = createManualClock(Date.UTC(2026, 0, 1, 12));
  let sandboxNow = clock();
  let sandbox: RunningSandbox;
  let saas: SaasEndpoints;

  beforeAll(async () => {
    sandbox = await startSandbox({ edition: 'saas', clock: { now: () => sandboxNow } });
    saas = sandbox.saas as SaasEndpoints;
  });
  afterAll(() => sandbox.close());

  function connect(credential?: ImsCredentialView, auth: Partial<ImsAuthOptions> = {}) {
    const events: ClientEvent[] = [];
    const client: MagentoClient = createMagentoClient({
      baseUrl: saas.restBaseUrl,
      edition: 'saas',
      auth: createImsAuth({ ...imsAuthOptions(saas, credential), ...auth }),
      clock,
      onEvent: (event) => events.push(event),
    });
    const tokenActions = () => events.flatMap((event) => (event.type === 'token' ? [event.action] : []));
    const storeCalls = () =>
      events.filter((event) => event.type === 'request' && event.url.startsWith(saas.restBaseUrl)).length;
    return { client, events, tokenActions, storeCalls };
  }

  const activity = async (type: string) =>
    (await sandbox.admin.listActivity()).filter((event) => event.type === type).map((event) => event.detail);

  /** Moves both clocks (the client's and the sandbox's) forward. */
  const advance = (ms: number) => {
    clock.advance(ms);
    sandboxNow += ms;
  };

  it('gets a token from the sandbox and pages products with searchCriteria, one token for every page', async () => {
    const { client, tokenActions, storeCalls } = connect();
    const issuedBefore = (await activity('ims_token')).length;
    const criteria = searchCriteria().where('price', 'gteq', 20).orderBy('price', 'DESC');
    const whole = await client.get<{ items: Product[]; total_count: number }>('/V1/products', {
      query: criteria.pageSize(100).toQueryString(),
    });
    expect(whole.items.length).toBeGreaterThan(7);
    expect(whole.items.length).toBe(whole.total_count);
    const paged: Product[] = [];
    for await (const product of client.paginate<Product>('/V1/products', criteria.pageSize(7))) paged.push(product);
    expect(paged.map((product) => product.sku)).toEqual(whole.items.map((product) => product.sku));
    expect(storeCalls()).toBe(1 + Math.ceil(whole.total_count / 7));
    expect(tokenActions()).toEqual(['issued']);
    expect((await activity('ims_token')).length - issuedBefore).toBe(1);
  });

  it('sends the store view in the Store header', async () => {
    const { client } = connect();
    const germany = (store?: string) =>
      client.get<{ full_name_locale: string }>('/V1/directory/countries/DE', store ? { store } : {});
    expect((await germany('es_mx')).full_name_locale).toBe('Alemania');
    expect((await germany()).full_name_locale).toBe('Germany');
  });

  it('asks for a new token before expires_in runs out (short-lived credential)', async () => {
    const credential = await sandbox.admin.createImsCredential({ name: 'short-lived', tokenLifetimeSeconds: 120 });
    const { client, tokenActions } = connect(credential);
    await client.get('/V1/store/websites');
    advance(59_000);
    await client.get('/V1/store/websites');
    expect(tokenActions()).toEqual(['issued']);
    advance(1_000); // half the life: the client's refresh margin for a short token
    await client.get('/V1/store/websites');
    expect(tokenActions()).toEqual(['issued', 'issued']);
    expect((await activity('ims_call_refused')).filter((detail) => detail.endsWith('expired token'))).toEqual([]);
  });

  it('an expired token the client still holds: 401, one new token, the call sent again', async () => {
    const credential = await sandbox.admin.createImsCredential({ name: 'expiring', tokenLifetimeSeconds: 120 });
    const { client, tokenActions, storeCalls } = connect(credential);
    await client.get('/V1/store/websites');
    sandboxNow += 120_000; // only the store's clock: the client thinks its token is fresh
    expect(await client.get('/V1/store/websites')).toHaveLength(3);
    expect(tokenActions()).toEqual(['issued', 'invalidated', 'issued']);
    expect(storeCalls()).toBe(3);
    expect((await activity('ims_call_refused')).pop()).toBe(`GET /${saas.tenantId}/V1/store/websites: expired token`);
    clock.advance(120_000);
  });

  it('revoked tokens: 401, one new token, the call sent again; a credential deleted: a typed IMS error', async () => {
    const credential = await sandbox.admin.createImsCredential({ name: 'revoked' });
    const { client, tokenActions, storeCalls } = connect(credential);
    await client.get('/V1/store/websites');
    expect(await sandbox.admin.revokeImsTokens(credential.clientId)).toBe(1);
    const page = await client.get<{ items: Product[] }>('/V1/products', {
      query: searchCriteria().pageSize(5).toQueryString(),
    });
    expect(page.items).toHaveLength(5);
    expect(tokenActions()).toEqual(['issued', 'invalidated', 'issued']);
    expect(storeCalls()).toBe(3);
    expect((await activity('ims_call_refused')).pop()).toBe(
      `GET /${saas.tenantId}/V1/products?searchCriteria%5BpageSize%5D=5: revoked token`,
    );
    await sandbox.admin.deleteImsCredential(credential.clientId);
    advance(60_000); // past the client's reissue interval
    const error = await failureOf(client.get('/V1/store/websites'));
    expect([error.code, error.status]).toEqual(['IMS_CLIENT_REJECTED', 401]);
  });

  it('a resource the credential lacks: NOT_AUTHORIZED 403 with the resource, and no new token', async () => {
    const credential = await sandbox.admin.createImsCredential({ resources: ['Magento_Catalog::products'] });
    const { client, tokenActions } = connect(credential);
    await client.get('/V1/products', { query: searchCriteria().pageSize(1).toQueryString() });
    const error = await failureOf(client.get('/V1/orders', { query: searchCriteria().pageSize(1).toQueryString() }));
    expect([error.code, error.status]).toEqual(['NOT_AUTHORIZED', 403]);
    expect(error.message).toBe("The consumer isn't authorized to access Magento_Sales::actions_view.");
    expect(tokenActions()).toEqual(['issued']);
  });

  it('a wrong secret: IMS_CLIENT_REJECTED from the token endpoint, nothing sent to the store', async () => {
    const { client, storeCalls } = connect(undefined, { clientSecret: 'p8e-not-the-right-secret' });
    const error = await failureOf(client.get('/V1/store/websites'));
    expect([error.code, error.status]).toEqual(['IMS_CLIENT_REJECTED', 401]);
    expect(error.message).not.toContain('p8e-not-the-right-secret');
    expect(storeCalls()).toBe(0);
  });
});

import { createManualClock, failureOf, startFakeMagento, type FakeMagentoServer, type FakeRequest } from '../testing';
import { createMagentoClient } from '../rest/create-magento-client';
import type { ClientEvent } from '../rest/client-events';
import { createAdminTokenAuth, createCustomerTokenAuth } from './admin-token-auth';
import { revokeCustomerToken } from './revoke-customer-token';

const GUEST_401 = {
  status: 401,
  json: {
    message: "The consumer isn't authorized to access %resources.",
    parameters: { resources: 'Magento_Catalog::products' },
  },
};
const LOCKED =
  'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.';

let store: FakeMagentoServer;
afterEach(async () => store?.close());

function makeJwt(exp: number, uid: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ uid, utypid: 2, iat: exp - 3600, exp })}.c2lnbmF0dXJl`;
}

async function setup(auth: ReturnType<typeof createAdminTokenAuth>) {
  store = await startFakeMagento();
  const clock = createManualClock();
  const events: ClientEvent[] = [];
  const client = createMagentoClient({
    baseUrl: store.baseUrl,
    store: 'all',
    auth,
    clock,
    onEvent: (event) => events.push(event),
  });
  return { client, clock, events };
}

/** A token service issuing numbered opaque tokens, and a products route accepting only `valid` ones. */
function serveTokens(server: FakeMagentoServer, valid: (token: string) => boolean) {
  let issued = 0;
  server.route('POST', '/rest/all/V1/integration/admin/token', () => ({ json: `opaque-token-${++issued}` }));
  server.route('GET', '/rest/all/V1/products', (request: FakeRequest) =>
    request.bearerToken && valid(request.bearerToken) ? { json: { items: [], token: request.bearerToken } } : GUEST_401,
  );
  return () => issued;
}

describe('admin token auth', () => {
  it('issues one token for concurrent calls, sends it as Bearer, and posts the credentials as JSON', async () => {
    const { client } = await setup(createAdminTokenAuth({ username: 'api', password: 's3cret!' }));
    const issued = serveTokens(store, () => true);
    await Promise.all([client.get('/V1/products'), client.get('/V1/products'), client.get('/V1/products')]);
    expect(issued()).toBe(1);
    const tokenCall = store.requests.find((r) => r.path.endsWith('/admin/token'));
    expect(JSON.parse(tokenCall?.body ?? '')).toEqual({ username: 'api', password: 's3cret!' });
    expect(tokenCall?.headers.authorization).toBeUndefined();
    expect(store.requests.filter((r) => r.bearerToken === 'opaque-token-1')).toHaveLength(3);
  });

  it('refreshes before the default 60-minute TTL of an opaque token runs out', async () => {
    const { client, clock } = await setup(createAdminTokenAuth({ username: 'api', password: 'pw' }));
    const issued = serveTokens(store, () => true);
    await client.get('/V1/products');
    clock.advance(58 * 60_000);
    await client.get('/V1/products');
    expect(issued()).toBe(1);
    clock.advance(90_000); // inside the 60 s margin
    await client.get('/V1/products');
    expect(issued()).toBe(2);
  });

  it('reads exp from a JWT', async () => {
    const { client, clock } = await setup(createAdminTokenAuth({ username: 'api', password: 'pw' }));
    let n = 0;
    store.route('POST', '/rest/all/V1/integration/admin/token', () => ({
      json: makeJwt(Math.floor(clock() / 1000) + 10 * 60, ++n),
    }));
    store.route('GET', '/rest/all/V1/products', () => ({ json: [] }));
    await client.get('/V1/products');
    clock.advance(8 * 60_000);
    await client.get('/V1/products');
    expect(n).toBe(1);
    clock.advance(60_000 + 1); // 9 min: within the 60 s margin before exp
    await client.get('/V1/products');
    expect(n).toBe(2);
  });

  it('refreshes once on 401 (an expired or revoked token makes Magento answer as to a guest)', async () => {
    const { client, clock, events } = await setup(createAdminTokenAuth({ username: 'api', password: 'pw' }));
    let revokedBefore = 0;
    const issued = serveTokens(store, (token) => Number(token.split('-').pop()) > revokedBefore);
    await client.get('/V1/products');
    clock.advance(10 * 60_000);
    revokedBefore = 1;
    expect(await client.get('/V1/products')).toEqual({ items: [], token: 'opaque-token-2' });
    expect(issued()).toBe(2);
    expect(events.filter((e) => e.type === 'token').map((e) => (e.type === 'token' ? e.action : ''))).toEqual([
      'issued',
      'invalidated',
      'issued',
    ]);
  });

  it('does not refresh a token it has just been issued (the 401 is about ACL)', async () => {
    const { client } = await setup(createAdminTokenAuth({ username: 'api', password: 'pw' }));
    const issued = serveTokens(store, () => false);
    const error = await failureOf(client.get('/V1/products'));
    expect(error.code).toBe('NOT_AUTHORIZED');
    expect(error.message).toContain('Magento_Catalog::products');
    expect(issued()).toBe(1);
  });

  it('completes the 2FA flow with the otp callback', async () => {
    const otp = jest.fn(() => '123456');
    const { client } = await setup(createAdminTokenAuth({ username: 'api', password: 'pw', twoFactor: { otp } }));
    store.expect('POST', '/rest/all/V1/integration/admin/token', {
      status: 401,
      json: { message: 'Please use the 2fa provider-specific endpoints to obtain a token.' },
    });
    store.expect('POST', '/rest/all/V1/tfa/provider/google/authenticate', (request) => ({
      json: JSON.parse(request.body).otp === '123456' ? 'tfa-token' : 'wrong',
    }));
    store.expect('GET', '/rest/all/V1/products', (request) => ({ json: { token: request.bearerToken } }));
    expect(await client.get('/V1/products')).toEqual({ token: 'tfa-token' });
    expect(JSON.parse(store.requests[1].body)).toEqual({ username: 'api', password: 'pw', otp: '123456' });
    expect(otp).toHaveBeenCalledTimes(1);
    store.assertDone();
  });

  it.each([
    ['Please use the 2fa provider-specific endpoints to obtain a token.', 'TWO_FACTOR_REQUIRED'],
    [
      'You are required to configure personal Two-Factor Authorization in order to login. Please check your email.',
      'TWO_FACTOR_NOT_CONFIGURED',
    ],
  ])('maps "%s" to %s', async (message, code) => {
    const { client } = await setup(createAdminTokenAuth({ username: 'api', password: 'pw' }));
    store.expect('POST', '/rest/all/V1/integration/admin/token', { status: 401, json: { message } });
    expect((await failureOf(client.get('/V1/products'))).code).toBe(code);
    store.assertDone();
  });

  it('maps the lockout message to BAD_CREDENTIALS and stops asking Magento (no lockout by retry)', async () => {
    const auth = createAdminTokenAuth({ username: 'api', password: 'wrong' });
    const { client } = await setup(auth);
    store.expect('POST', '/rest/all/V1/integration/admin/token', { status: 401, json: { message: LOCKED } });
    const first = await failureOf(client.get('/V1/products'));
    expect([first.code, first.status]).toEqual(['BAD_CREDENTIALS', 401]);
    expect(first.hint).toMatch(/1800 s/);
    expect((await failureOf(client.get('/V1/products'))).code).toBe('BAD_CREDENTIALS');
    expect(store.requests).toHaveLength(1);
    auth.invalidate();
    store.expect('POST', '/rest/all/V1/integration/admin/token', { status: 401, json: { message: LOCKED } });
    await failureOf(client.get('/V1/products'));
    expect(store.requests).toHaveLength(2);
    store.assertDone();
  });

  it('redacts the password, the token and the Authorization header in events', async () => {
    const { client, events } = await setup(createAdminTokenAuth({ username: 'api-user', password: 'Pa55-word' }));
    serveTokens(store, () => true);
    await client.get('/V1/products');
    const logged = JSON.stringify(events);
    expect(logged).toContain('api-user');
    expect(logged).not.toContain('Pa55-word');
    expect(logged).not.toContain('opaque-token-1');
    expect(logged).toContain('Bearer [REDACTED]');
  });
});

describe('customer token auth', () => {
  it('issues a customer token and revokes it', async () => {
    store = await startFakeMagento();
    const auth = createCustomerTokenAuth({ username: 'jane@example.com', password: 'pw' });
    const client = createMagentoClient({ baseUrl: store.baseUrl, auth });
    store.expect('POST', '/rest/V1/integration/customer/token', { json: 'customer-token' });
    store.expect('GET', '/rest/V1/customers/me', (request) => ({
      json: { email: 'jane@example.com', token: request.bearerToken },
    }));
    store.expect('POST', '/rest/V1/integration/customer/revoke-customer-token', (request) => ({
      json: request.bearerToken === 'customer-token',
    }));
    expect(await client.get('/V1/customers/me')).toEqual({ email: 'jane@example.com', token: 'customer-token' });
    expect(await revokeCustomerToken(client, auth)).toBe(true);
    expect(auth.expiresAt).toBeNull();
    store.assertDone();
  });

  it('refuses missing credentials', () => {
    expect(() => createCustomerTokenAuth({ username: '', password: '' })).toThrow(/username and password/);
  });
});

import { createHmac } from 'node:crypto';
import { ADMIN_PASSWORD, ADMIN_USERNAME, type DirectActivation } from '../testing';
import { JwtTokenService } from './jwt-token.service';
import {
  createCustomer,
  getRest,
  NOT_AUTHORIZED,
  postRest,
  startTokenSandbox,
  statusAndBody,
  T0,
  tokenOf,
  type TokenSandbox,
} from './token-fixtures.test';

const STORE_VIEWS = 'V1/store/storeViews';
const REFUSED = { status: 401, body: { message: NOT_AUTHORIZED, parameters: { resources: 'Magento_Backend::store' } } };

/** An HS256 JWS with Magento's claims signed by `secret` (not the store's key). */
function forgeJwt(claims: object, secret: string, alg = 'HS256'): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ kid: '1', alg })}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('admin/customer JWTs and integration tokens as Bearer on REST routes (TokenUserContext, docs/magento-behaviour.md §3.4–§3.6)', () => {
  let env: TokenSandbox;
  const adminToken = async () =>
    tokenOf(
      await postRest(env.sandbox, 'V1/integration/admin/token', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
    );
  const storeViews = (token: string, store = '') => getRest(env.sandbox, `${store}${STORE_VIEWS}`, `Bearer ${token}`);

  beforeAll(async () => {
    env = await startTokenSandbox({ jwtSecret: 'sandbox-test-jwt-secret' });
    await createCustomer(env.sandbox, { email: 'ann@example.com' });
  });
  afterAll(() => env.sandbox.close());
  afterEach(async () => {
    env.clock.ms = T0;
    await env.sandbox.admin.updateSettings({ adminTokenTtlMinutes: 60 });
  });

  it('a valid admin JWT reaches an admin route (GET /V1/store/storeViews, Magento_Backend::store)', async () => {
    const answer = await storeViews(await adminToken());
    expect(answer.status).toBe(200);
    expect((answer.body as Array<{ code: string }>).map((view) => view.code)).toEqual(['admin', 'default', 'es_mx']);
  });

  it('a customer JWT is refused on that admin route', async () => {
    const customer = tokenOf(
      await postRest(env.sandbox, 'V1/integration/customer/token', {
        username: 'ann@example.com',
        password: 'Customer123!',
      }),
    );
    expect(statusAndBody(await storeViews(customer))).toEqual(REFUSED);
  });

  it('an expired admin JWT makes the caller a guest (401), exactly at exp', async () => {
    await env.sandbox.admin.updateSettings({ adminTokenTtlMinutes: 10 });
    const token = await adminToken();
    env.clock.advance(599);
    expect((await storeViews(token)).status).toBe(200);
    env.clock.advance(1);
    expect(statusAndBody(await storeViews(token))).toEqual(REFUSED);
  });

  it('a revoked admin JWT makes the caller a guest (revokeAdminAccessToken has no REST route; the service revokes)', async () => {
    const token = await adminToken();
    env.clock.advance(10);
    await env.sandbox.app.get(JwtTokenService).revokeAll({ type: 'admin', userId: 1 }, env.clock.ms);
    expect(statusAndBody(await storeViews(token))).toEqual(REFUSED);
    env.clock.advance(1);
    expect((await storeViews(await adminToken())).status).toBe(200);
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    [
      'a token signed with another key',
      forgeJwt({ uid: 1, utypid: 2, iat: T0 / 1000, exp: T0 / 1000 + 3600 }, 'another-secret'),
    ],
    [
      'a token with an unknown user type',
      forgeJwt({ uid: 1, utypid: 4, iat: T0 / 1000, exp: T0 / 1000 + 3600 }, 'sandbox-test-jwt-secret'),
    ],
    [
      'an unsigned token (alg none)',
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ uid: 1, utypid: 2, iat: T0 / 1000, exp: T0 / 1000 + 3600 })).toString('base64url')}.`,
    ],
  ])('%s makes the caller a guest (401)', async (_case, token) => {
    expect(statusAndBody(await storeViews(token))).toEqual(REFUSED);
  });

  it('a token signed with the store key and Magento claims is accepted (the check above is the signature)', async () => {
    env.clock.advance(20); // after the revocation of the test above
    const iat = env.clock.ms / 1000;
    expect(
      (await storeViews(forgeJwt({ uid: 1, utypid: 2, iat, exp: iat + 3600 }, 'sandbox-test-jwt-secret'))).status,
    ).toBe(200);
  });

  it('integration access tokens as Bearer: refused by default, accepted once integrationAsBearer is on for that store', async () => {
    const created = await env.sandbox.admin.createIntegration({ name: 'bearer-app', resources: 'all' });
    const activation = (await env.sandbox.admin.activate(created.id)) as DirectActivation;
    expect(activation.mode).toBe('direct');
    expect(statusAndBody(await storeViews(activation.access_token))).toEqual(REFUSED);
    await env.sandbox.admin.updateStoreSettings('default', { integrationAsBearer: true });
    try {
      expect((await storeViews(activation.access_token)).status).toBe(200);
      expect(statusAndBody(await storeViews(activation.access_token, 'es_mx/'))).toEqual(REFUSED);
    } finally {
      await env.sandbox.admin.updateStoreSettings('default', { integrationAsBearer: false });
    }
  });
});

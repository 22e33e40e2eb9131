import { SIGN_IN_FAILED } from '../common/magento-exception';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '../testing';
import {
  createCustomer,
  decodeJwt,
  NOT_AUTHORIZED,
  postRest,
  startTokenSandbox,
  statusAndBody,
  T0,
  tokenOf,
  type TokenSandbox,
} from './token-fixtures.test';

const TOKEN = 'V1/integration/customer/token';
const REVOKE = 'V1/integration/customer/revoke-customer-token';

describe('customer token services over HTTP (CustomerTokenService, docs/magento-behaviour.md §3)', () => {
  let env: TokenSandbox;
  const login = (email: string, password = 'Customer123!', store = '') =>
    postRest(env.sandbox, `${store}${TOKEN}`, { username: email, password });

  beforeAll(async () => {
    env = await startTokenSandbox();
    await createCustomer(env.sandbox, { email: 'ann@example.com' });
    await createCustomer(env.sandbox, { email: 'maria@example.mx', websiteId: 2 });
    await createCustomer(env.sandbox, { email: 'new@example.com', confirmation: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
  });
  afterAll(() => env.sandbox.close());
  afterEach(async () => {
    env.clock.ms = T0;
    await env.sandbox.admin.updateSettings({ customerTokenTtlMinutes: 60 });
  });

  it('returns a customer JWT (utypid 3, uid = customer id, TTL customerTokenTtlMinutes = 60)', async () => {
    const answer = await login('ann@example.com');
    const { claims } = decodeJwt(tokenOf(answer));
    expect(claims).toEqual({ uid: 1, utypid: 3, iat: T0 / 1000, exp: T0 / 1000 + 3600 });
  });

  it('finds the customer in the website of the store in the path, by e-mail in any case', async () => {
    expect((await login('maria@example.mx')).status).toBe(401);
    expect((await login('maria@example.mx', undefined, 'default/')).status).toBe(401);
    expect(decodeJwt(tokenOf(await login('maria@example.mx', undefined, 'es_mx/'))).claims['uid']).toBe(2);
    expect((await login('ann@example.com', undefined, 'es_mx/')).status).toBe(401);
    expect((await login('ANN@Example.com', undefined, 'default/')).status).toBe(200);
    // `all` is the admin store of website 0, which has no customers.
    expect((await login('ann@example.com', undefined, 'all/')).status).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail with the sign-in message, an unconfirmed e-mail with its own', async () => {
    const signInFailed = { status: 401, body: { message: SIGN_IN_FAILED } };
    expect(statusAndBody(await login('ann@example.com', 'wrong'))).toEqual(signInFailed);
    expect(statusAndBody(await login('nobody@example.com'))).toEqual(signInFailed);
    expect(statusAndBody(await login('new@example.com', 'wrong'))).toEqual(signInFailed);
    expect(statusAndBody(await login('new@example.com'))).toEqual({
      status: 401,
      body: { message: "This account isn't confirmed. Verify and try again." },
    });
  });

  it('validates the input like the admin service', async () => {
    expect(statusAndBody(await postRest(env.sandbox, TOKEN, { username: 'ann@example.com' }))).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'password' } },
    });
  });

  it('expires tokens after customerTokenTtlMinutes on the store clock', async () => {
    await env.sandbox.admin.updateSettings({ customerTokenTtlMinutes: 1 });
    await createCustomer(env.sandbox, { email: 'short@example.com' });
    const token = tokenOf(await login('short@example.com'));
    env.clock.advance(59);
    expect((await postRest(env.sandbox, REVOKE, undefined, token)).status).toBe(200);
    env.clock.advance(1);
    expect(statusAndBody(await postRest(env.sandbox, REVOKE, undefined, token))).toEqual({
      status: 401,
      body: { message: NOT_AUTHORIZED, parameters: { resources: 'self' } },
    });
  });

  it('revoke-customer-token returns true and kills every token of that customer issued so far, and only those', async () => {
    await createCustomer(env.sandbox, { email: 'carl@example.com' });
    await createCustomer(env.sandbox, { email: 'dora@example.com' });
    const first = tokenOf(await login('carl@example.com'));
    const second = tokenOf(await login('carl@example.com'));
    const other = tokenOf(await login('dora@example.com'));
    env.clock.advance(5);
    const revoked = await postRest(env.sandbox, REVOKE, undefined, second);
    expect({ status: revoked.status, text: revoked.text }).toEqual({ status: 200, text: 'true' });
    for (const token of [first, second]) {
      expect(statusAndBody(await postRest(env.sandbox, REVOKE, undefined, token))).toEqual({
        status: 401,
        body: { message: NOT_AUTHORIZED, parameters: { resources: 'self' } },
      });
    }
    expect((await postRest(env.sandbox, REVOKE, undefined, other)).status).toBe(200);
    env.clock.advance(1);
    expect((await postRest(env.sandbox, REVOKE, undefined, tokenOf(await login('carl@example.com')))).status).toBe(200);
  });

  it('revokes tokens issued in the same second as the revoke too (RevokedValidator: iat <= revoked before)', async () => {
    await createCustomer(env.sandbox, { email: 'eve@example.com' });
    const token = tokenOf(await login('eve@example.com'));
    expect((await postRest(env.sandbox, REVOKE, undefined, token)).status).toBe(200);
    const sameSecond = tokenOf(await login('eve@example.com'));
    expect((await postRest(env.sandbox, REVOKE, undefined, sameSecond)).status).toBe(401);
  });

  it('refuses revoke without a token (self) and, for an admin, reports the forced customerId as missing', async () => {
    expect(statusAndBody(await postRest(env.sandbox, REVOKE))).toEqual({
      status: 401,
      body: { message: NOT_AUTHORIZED, parameters: { resources: 'self' } },
    });
    const admin = tokenOf(
      await postRest(env.sandbox, 'V1/integration/admin/token', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
    );
    expect(statusAndBody(await postRest(env.sandbox, REVOKE, { customerId: 1 }, admin))).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'customerId' } },
    });
  });
});

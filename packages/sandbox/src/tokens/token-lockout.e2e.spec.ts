import { SIGN_IN_FAILED } from '../common/magento-exception';
import {
  createAdmin,
  createCustomer,
  postRest,
  startTokenSandbox,
  T0,
  type JsonAnswer,
  type TokenSandbox,
} from './token-fixtures.test';

const ADMIN_ROUTE = 'V1/integration/admin/token';
const CUSTOMER_ROUTE = 'V1/integration/customer/token';
const LOCKED = { status: 401, body: { message: SIGN_IN_FAILED } };

function outcome(answer: JsonAnswer): { status: number; body: unknown } {
  return { status: answer.status, body: answer.status === 200 ? 'token' : answer.body };
}

describe('token lockout over HTTP (RequestThrottler per username and user type, docs/magento-behaviour.md §3.3)', () => {
  let env: TokenSandbox;

  beforeAll(async () => {
    env = await startTokenSandbox();
  });
  afterAll(() => env.sandbox.close());
  afterEach(async () => {
    env.clock.ms = T0;
    await env.sandbox.admin.updateSettings({ lockoutMaxFailures: 6, lockoutSeconds: 1800 });
  });

  const fail = (route: string, username: string) =>
    postRest(env.sandbox, route, { username, password: 'wrong-password' });

  it.each([
    ['admin', ADMIN_ROUTE, (username: string) => createAdmin(env.sandbox, { username, password: 'Right123!' })],
    [
      'customer',
      CUSTOMER_ROUTE,
      (username: string) => createCustomer(env.sandbox, { email: username, password: 'Right123!' }),
    ],
  ])(
    '%s: after 6 failures even the right password is refused until 1800 s pass on the store clock',
    async (type, route, create) => {
      const username = `locked-${type}@example.com`;
      await create(username);
      for (let attempt = 1; attempt <= 6; attempt++) expect(outcome(await fail(route, username))).toEqual(LOCKED);
      const right = () => postRest(env.sandbox, route, { username, password: 'Right123!' });
      expect(outcome(await right())).toEqual(LOCKED);
      env.clock.advance(1799);
      expect(outcome(await right())).toEqual(LOCKED);
      env.clock.advance(1);
      expect(outcome(await right())).toEqual({ status: 200, body: 'token' });
    },
  );

  it('a success resets the count: 5 failures, a success, 5 failures still let the right password in', async () => {
    await createAdmin(env.sandbox, { username: 'resetter', password: 'Right123!' });
    const right = () => postRest(env.sandbox, ADMIN_ROUTE, { username: 'resetter', password: 'Right123!' });
    for (let i = 0; i < 5; i++) await fail(ADMIN_ROUTE, 'resetter');
    expect((await right()).status).toBe(200);
    for (let i = 0; i < 5; i++) await fail(ADMIN_ROUTE, 'resetter');
    expect((await right()).status).toBe(200);
  });

  it('every failure moves the lock: it ends 1800 s after the last failure, not the first', async () => {
    await createAdmin(env.sandbox, { username: 'slow', password: 'Right123!' });
    for (let i = 0; i < 6; i++) {
      await fail(ADMIN_ROUTE, 'slow');
      env.clock.advance(100);
    }
    // Last failure at T0 + 500 s; now T0 + 600 s.
    env.clock.advance(1699);
    expect(outcome(await postRest(env.sandbox, ADMIN_ROUTE, { username: 'slow', password: 'Right123!' }))).toEqual(
      LOCKED,
    );
    env.clock.advance(1);
    expect((await postRest(env.sandbox, ADMIN_ROUTE, { username: 'slow', password: 'Right123!' })).status).toBe(200);
  });

  it('counts per user type: a locked customer name does not lock the admin of the same name', async () => {
    const name = 'same.name@example.com';
    await createCustomer(env.sandbox, { email: name, password: 'Right123!' });
    await createAdmin(env.sandbox, { username: name, password: 'Right123!' });
    for (let i = 0; i < 6; i++) await fail(CUSTOMER_ROUTE, name);
    expect(outcome(await postRest(env.sandbox, CUSTOMER_ROUTE, { username: name, password: 'Right123!' }))).toEqual(
      LOCKED,
    );
    expect((await postRest(env.sandbox, ADMIN_ROUTE, { username: name, password: 'Right123!' })).status).toBe(200);
  });

  it('compares usernames case-insensitively, as the MySQL collation of user_name does', async () => {
    await createAdmin(env.sandbox, { username: 'mixed', password: 'Right123!' });
    for (const username of ['MIXED', 'Mixed', 'mixed', 'miXed', 'MIXED', 'mixed']) await fail(ADMIN_ROUTE, username);
    expect(outcome(await postRest(env.sandbox, ADMIN_ROUTE, { username: 'mixed', password: 'Right123!' }))).toEqual(
      LOCKED,
    );
  });

  it('follows lockoutMaxFailures and lockoutSeconds from the settings', async () => {
    await env.sandbox.admin.updateSettings({ lockoutMaxFailures: 2, lockoutSeconds: 60 });
    await createAdmin(env.sandbox, { username: 'strict', password: 'Right123!' });
    const right = () => postRest(env.sandbox, ADMIN_ROUTE, { username: 'strict', password: 'Right123!' });
    await fail(ADMIN_ROUTE, 'strict');
    expect((await right()).status).toBe(200);
    await fail(ADMIN_ROUTE, 'strict');
    await fail(ADMIN_ROUTE, 'strict');
    expect(outcome(await right())).toEqual(LOCKED);
    env.clock.advance(60);
    expect((await right()).status).toBe(200);
  });

  it('input errors are not failures: ten empty passwords leave the account open', async () => {
    await createAdmin(env.sandbox, { username: 'typo', password: 'Right123!' });
    for (let i = 0; i < 10; i++)
      expect((await postRest(env.sandbox, ADMIN_ROUTE, { username: 'typo', password: '' })).status).toBe(400);
    expect((await postRest(env.sandbox, ADMIN_ROUTE, { username: 'typo', password: 'Right123!' })).status).toBe(200);
  });
});

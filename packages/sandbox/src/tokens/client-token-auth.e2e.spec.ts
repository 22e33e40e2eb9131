import {
  createAdminTokenAuth,
  createBearerAuth,
  createCustomerTokenAuth,
  createMagentoClient,
  CUSTOMER_REVOKE_PATH,
  isMagentoClientError,
  readJwtExpiry,
  revokeCustomerToken,
} from '@magekit/client';
import { authenticator } from 'otplib';
import { ADMIN_PASSWORD, ADMIN_TFA_SECRET, ADMIN_USERNAME } from '../testing';
import { createCustomer, postRest, startTokenSandbox, T0, tokenOf, type TokenSandbox } from './token-fixtures.test';

/** @magekit/client's token strategies against the sandbox's token services: the two sides must agree. */
describe('@magekit/client token auth against the sandbox token services over loopback', () => {
  let env: TokenSandbox;
  const client = (auth: Parameters<typeof createMagentoClient>[0]['auth']) =>
    createMagentoClient({ baseUrl: env.sandbox.baseUrl, auth, clock: env.clock.now, retry: { retries: 0 } });

  beforeAll(async () => {
    env = await startTokenSandbox();
    await createCustomer(env.sandbox, { email: 'ann@example.com', password: 'Ann12345!' });
  });
  afterAll(() => env.sandbox.close());
  afterEach(async () => {
    env.clock.ms = T0;
    await env.sandbox.admin.updateSettings({ twoFactorAuth: false });
  });

  async function failureCode(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
    } catch (error) {
      if (isMagentoClientError(error)) return error.code;
      throw error;
    }
    throw new Error('expected a MagentoClientError');
  }

  it('admin token auth reaches an admin route and reads the sandbox JWT expiry', async () => {
    const auth = createAdminTokenAuth({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
    const views = await client(auth).get<Array<{ code: string }>>('/V1/store/storeViews');
    expect(views.map((view) => view.code)).toEqual(['admin', 'default', 'es_mx']);
    expect(auth.expiresAt).toBe(T0 - (T0 % 1000) + 3600_000);
  });

  it('with 2FA on, the client recognises the hint and takes the token from the Google provider with a TOTP', async () => {
    await env.sandbox.admin.updateSettings({ twoFactorAuth: true });
    const withoutOtp = createAdminTokenAuth({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
    expect(await failureCode(() => client(withoutOtp).get('/V1/store/storeViews'))).toBe('TWO_FACTOR_REQUIRED');
    const otp = () => authenticator.clone({ epoch: env.clock.ms }).generate(ADMIN_TFA_SECRET);
    const withOtp = createAdminTokenAuth({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD, twoFactor: { otp } });
    expect((await client(withOtp).get<unknown[]>('/V1/store/storeViews')).length).toBe(3);
  });

  it('bad credentials are BAD_CREDENTIALS', async () => {
    const auth = createAdminTokenAuth({ username: ADMIN_USERNAME, password: 'wrong' });
    expect(await failureCode(() => client(auth).get('/V1/store/storeViews'))).toBe('BAD_CREDENTIALS');
  });

  it('customer token auth: revokeCustomerToken is true, the revoked token is refused, the strategy issues a fresh one', async () => {
    const before = tokenOf(
      await postRest(env.sandbox, 'V1/integration/customer/token', {
        username: 'ann@example.com',
        password: 'Ann12345!',
      }),
    );
    expect(readJwtExpiry(before)).toBe(T0 - (T0 % 1000) + 3600_000);
    const auth = createCustomerTokenAuth({ username: 'ann@example.com', password: 'Ann12345!' });
    env.clock.advance(2);
    expect(await revokeCustomerToken(client(auth), auth)).toBe(true);
    expect(await failureCode(() => client(createBearerAuth({ token: before })).post(CUSTOMER_REVOKE_PATH))).toBe(
      'NOT_AUTHORIZED',
    );
    // A token issued in the revoke's own second is revoked too (iat <= revoked before), so wait a second.
    env.clock.advance(1);
    expect(await revokeCustomerToken(client(auth), auth)).toBe(true);
  });
});

import { authenticator } from 'otplib';
import { SIGN_IN_FAILED } from '../common/magento-exception';
import { ADMIN_PASSWORD, ADMIN_TFA_SECRET, ADMIN_USERNAME } from '../testing';
import {
  createAdmin,
  createCustomer,
  decodeJwt,
  getRest,
  postRest,
  startTokenSandbox,
  statusAndBody,
  T0,
  tokenOf,
  type TokenSandbox,
} from './token-fixtures.test';

const ADMIN_TOKEN = 'V1/integration/admin/token';
const GOOGLE = 'V1/tfa/provider/google/authenticate';

/** The code an authenticator app shows for the seeded admin at `ms` (computed here, independently of the sandbox). */
function otpAt(ms: number, secret = ADMIN_TFA_SECRET): string {
  return authenticator.clone({ epoch: ms }).generate(secret);
}

describe('Two-Factor Auth on the token routes over HTTP (Magento_TwoFactorAuth, docs/magento-behaviour.md §3.7)', () => {
  let env: TokenSandbox;
  const google = (body: object) => postRest(env.sandbox, GOOGLE, body);

  beforeAll(async () => {
    env = await startTokenSandbox();
    await createAdmin(env.sandbox, { username: 'fresh', password: 'Fresh123!', tfaSecret: '' });
    await createCustomer(env.sandbox, { email: 'shopper@example.com', password: 'Shop123!' });
  });
  afterAll(() => env.sandbox.close());
  beforeEach(() => env.sandbox.admin.updateSettings({ twoFactorAuth: true }));
  afterEach(async () => {
    env.clock.ms = T0;
    await env.sandbox.admin.updateSettings({ twoFactorAuth: false });
  });

  it('off: the admin route issues tokens and the provider route does not exist (module disabled)', async () => {
    await env.sandbox.admin.updateSettings({ twoFactorAuth: false });
    expect(
      (await postRest(env.sandbox, ADMIN_TOKEN, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD })).status,
    ).toBe(200);
    const missing = await google({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD, otp: otpAt(T0) });
    expect(statusAndBody(missing)).toEqual({ status: 404, body: { message: 'Request does not match any route.' } });
  });

  it('on: valid admin credentials get 400 with the provider hint and active_providers', async () => {
    const answer = await postRest(env.sandbox, ADMIN_TOKEN, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
    expect(statusAndBody(answer)).toEqual({
      status: 400,
      body: {
        message: 'Please use the 2fa provider-specific endpoints to obtain a token.',
        parameters: { active_providers: ['google'] },
      },
    });
  });

  it('on: bad credentials and missing fields answer as without 2FA', async () => {
    expect(
      statusAndBody(await postRest(env.sandbox, ADMIN_TOKEN, { username: ADMIN_USERNAME, password: 'wrong' })),
    ).toEqual({ status: 401, body: { message: SIGN_IN_FAILED } });
    expect(statusAndBody(await postRest(env.sandbox, ADMIN_TOKEN, { username: ADMIN_USERNAME }))).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'password' } },
    });
  });

  it('on: an admin without a Google secret is told to configure 2FA, and the provider is not configured', async () => {
    const answer = await postRest(env.sandbox, ADMIN_TOKEN, { username: 'fresh', password: 'Fresh123!' });
    expect(statusAndBody(answer)).toEqual({
      status: 400,
      body: {
        message:
          'You are required to configure personal Two-Factor Authorization in order to login. Please check your email.',
        parameters: { providers: ['google'], active_providers: [] },
      },
    });
    expect(statusAndBody(await google({ username: 'fresh', password: 'Fresh123!', otp: '123456' }))).toEqual({
      status: 400,
      body: { message: 'Provider is not configured.' },
    });
  });

  it('google/authenticate with the TOTP of the sandbox clock returns an admin JWT that reaches admin routes', async () => {
    env.clock.advance(3600);
    const answer = await google({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD, otp: otpAt(env.clock.ms) });
    const token = tokenOf(answer);
    expect(decodeJwt(token).claims).toMatchObject({ uid: 1, utypid: 2, iat: (T0 + 3600_000) / 1000 });
    expect((await getRest(env.sandbox, 'V1/store/storeViews', `Bearer ${token}`)).status).toBe(200);
  });

  it('accepts the code of the previous 30 s step, refuses one two steps away', async () => {
    const credentials = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD };
    expect((await google({ ...credentials, otp: otpAt(T0 - 30_000) })).status).toBe(200);
    expect(statusAndBody(await google({ ...credentials, otp: otpAt(T0 - 60_000) }))).toEqual({
      status: 401,
      body: { message: 'Invalid code.' },
    });
  });

  it.each([
    ['a wrong code', { otp: 'WRONG' }, 401, { message: 'Invalid code.' }],
    ['an empty code', { otp: '' }, 401, { message: 'Invalid code.' }],
    [
      'no code',
      {},
      400,
      { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'otp' } },
    ],
    ['a wrong password', { password: 'wrong', otp: 'CURRENT' }, 401, { message: SIGN_IN_FAILED }],
  ])('google/authenticate with %s: %p', async (_case, patch, status, body) => {
    const input: Record<string, unknown> = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD, ...patch };
    if (input['otp'] === 'CURRENT') input['otp'] = otpAt(T0);
    if (input['otp'] === 'WRONG') input['otp'] = wrongCode(T0);
    expect(statusAndBody(await google(input))).toEqual({ status, body });
  });

  it('wrong codes are not sign-in failures (the password was right); wrong passwords lock the provider route too', async () => {
    await createAdmin(env.sandbox, { username: 'otpuser', password: 'Otp123!', tfaSecret: ADMIN_TFA_SECRET });
    for (let i = 0; i < 7; i++)
      expect((await google({ username: 'otpuser', password: 'Otp123!', otp: wrongCode(T0) })).status).toBe(401);
    expect((await google({ username: 'otpuser', password: 'Otp123!', otp: otpAt(T0) })).status).toBe(200);
    for (let i = 0; i < 6; i++) await google({ username: 'otpuser', password: 'wrong', otp: otpAt(T0) });
    expect(statusAndBody(await google({ username: 'otpuser', password: 'Otp123!', otp: otpAt(T0) }))).toEqual({
      status: 401,
      body: { message: SIGN_IN_FAILED },
    });
  });

  it('does not affect customers', async () => {
    expect(
      (
        await postRest(env.sandbox, 'V1/integration/customer/token', {
          username: 'shopper@example.com',
          password: 'Shop123!',
        })
      ).status,
    ).toBe(200);
  });
});

/** A six-digit code that is none of the three the sandbox accepts around `ms`. */
function wrongCode(ms: number): string {
  const accepted = new Set([-30_000, 0, 30_000].map((offset) => otpAt(ms + offset)));
  return ['000000', '111111', '222222', '333333'].find((code) => !accepted.has(code)) as string;
}

import { SIGN_IN_FAILED } from '../common/magento-exception';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '../testing';
import {
  createAdmin,
  decodeJwt,
  postRest,
  startTokenSandbox,
  statusAndBody,
  T0,
  tokenOf,
  type TokenSandbox,
} from './token-fixtures.test';

const ROUTE = 'V1/integration/admin/token';
const REQUIRED = '"%fieldName" is required. Enter and try again.';

describe('POST /V1/integration/admin/token over HTTP (AdminTokenService, docs/magento-behaviour.md §3)', () => {
  let env: TokenSandbox;

  beforeAll(async () => {
    env = await startTokenSandbox();
  });
  afterAll(() => env.sandbox.close());
  afterEach(async () => {
    env.clock.ms = T0;
    await env.sandbox.admin.updateSettings({ adminTokenTtlMinutes: 60, lockoutMaxFailures: 6, lockoutSeconds: 1800 });
    await env.sandbox.admin.updateStoreSettings('default', { clockOffsetSeconds: 0 });
  });

  it('returns the JWT as a JSON string, with Magento header bytes and uid/utypid/iat/exp claims (TTL 60 min)', async () => {
    const answer = await postRest(env.sandbox, ROUTE, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(JSON.stringify(answer.body));
    const { headerJson, claims } = decodeJwt(tokenOf(answer));
    expect(headerJson).toBe('{"kid":"1","alg":"HS256"}');
    expect(Object.keys(claims)).toEqual(['uid', 'utypid', 'iat', 'exp']);
    expect(claims).toEqual({ uid: 1, utypid: 2, iat: Math.floor(T0 / 1000), exp: Math.floor(T0 / 1000) + 3600 });
  });

  it.each([
    [5, 300],
    [0, 1800],
    [-3, 1800],
  ])(
    'takes the TTL from adminTokenTtlMinutes=%p (30 minutes when <= 0): exp - iat = %p s',
    async (minutes, seconds) => {
      await env.sandbox.admin.updateSettings({ adminTokenTtlMinutes: minutes });
      const { claims } = decodeJwt(
        tokenOf(await postRest(env.sandbox, ROUTE, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD })),
      );
      expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(seconds);
    },
  );

  it("issues on the store's clock (sandbox clock plus the store's clockOffsetSeconds)", async () => {
    await env.sandbox.admin.updateStoreSettings('default', { clockOffsetSeconds: 120 });
    const { claims } = decodeJwt(
      tokenOf(await postRest(env.sandbox, ROUTE, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD })),
    );
    expect(claims['iat']).toBe(Math.floor(T0 / 1000) + 120);
  });

  it('accepts the username in any case (admin/security/use_case_sensitive_login is off)', async () => {
    expect((await postRest(env.sandbox, ROUTE, { username: 'ADMIN', password: ADMIN_PASSWORD })).status).toBe(200);
  });

  it('answers every bad credential with 401 and the one sign-in message', async () => {
    await createAdmin(env.sandbox, { username: 'retired', password: 'Retired123!', isActive: false });
    const attempts = [
      { username: ADMIN_USERNAME, password: 'wrong' },
      { username: 'nobody', password: ADMIN_PASSWORD },
      { username: 'retired', password: 'Retired123!' },
      { username: 'retired', password: 'wrong' },
    ];
    for (const credentials of attempts) {
      expect(statusAndBody(await postRest(env.sandbox, ROUTE, credentials))).toEqual({
        status: 401,
        body: { message: SIGN_IN_FAILED },
      });
    }
    expect(SIGN_IN_FAILED).toBe(
      'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.',
    );
  });

  it.each<[string, unknown, object]>([
    [
      'no body',
      undefined,
      {
        message: 'One or more input exceptions have occurred.',
        errors: [
          { message: REQUIRED, parameters: { fieldName: 'username' } },
          { message: REQUIRED, parameters: { fieldName: 'password' } },
        ],
      },
    ],
    [
      'both empty',
      { username: '', password: '' },
      {
        message: 'One or more input exceptions have occurred.',
        errors: [
          { message: REQUIRED, parameters: { fieldName: 'username' } },
          { message: REQUIRED, parameters: { fieldName: 'password' } },
        ],
      },
    ],
    ['no password', { username: 'admin' }, { message: REQUIRED, parameters: { fieldName: 'password' } }],
    [
      'empty password',
      { username: 'admin', password: '' },
      { message: REQUIRED, parameters: { fieldName: 'password' } },
    ],
    ['null username', { username: null, password: 'x' }, { message: REQUIRED, parameters: { fieldName: 'username' } }],
    [
      'false username (PHP casts it to "")',
      { username: false, password: 'x' },
      { message: REQUIRED, parameters: { fieldName: 'username' } },
    ],
    [
      'array username',
      { username: ['admin'], password: 'x' },
      { message: 'The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.' },
    ],
  ])("answers %s with 400 and Magento's input error body", async (_case, body, expected) => {
    expect(statusAndBody(await postRest(env.sandbox, ROUTE, body))).toEqual({ status: 400, body: expected });
  });
});

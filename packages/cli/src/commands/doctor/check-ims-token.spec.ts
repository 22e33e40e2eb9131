import { IMS_COMMERCE_SCOPES, MagentoClientError } from '@magekit/client';
import { createFakeSaasFetch } from '@magekit/client/testing';
import {
  classifyImsToken,
  describeLifetime,
  readTokenScopes,
  requestDoctorToken,
  SHORT_TOKEN_SECONDS,
  SLOW_TOKEN_MS,
  type ImsTokenOutcome,
} from './check-ims-token';
import type { DoctorImsCredentials } from './ims-credentials';

const SECRET = 'p8e-doctor-secret-never-printed';

function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2ln`;
}

function credentials(overrides: Partial<DoctorImsCredentials> = {}): DoctorImsCredentials {
  return {
    clientId: 'doctor-client',
    clientSecret: SECRET,
    orgId: 'ORG0000000000000000000001@AdobeOrg',
    tokenUrl: 'https://ims-na1.adobelogin.com/ims/token/v3',
    scopes: [...IMS_COMMERCE_SCOPES],
    ...overrides,
  };
}

const issued = (accessToken: string, expiresInSeconds = 86399, durationMs = 35): ImsTokenOutcome => ({
  accessToken,
  expiresInSeconds,
  durationMs,
  error: null,
});

describe('readTokenScopes', () => {
  it("reads IMS's comma-separated scope claim, or a list", () => {
    expect(readTokenScopes(jwt({ scope: 'AdobeID,openid,commerce.accs' }))).toEqual([
      'AdobeID',
      'openid',
      'commerce.accs',
    ]);
    expect(readTokenScopes(jwt({ scope: ['openid', 'commerce.accs'] }))).toEqual(['openid', 'commerce.accs']);
  });

  it('is null for a token that is no JWT or has no scope claim', () => {
    expect(readTokenScopes('opaque-token')).toBeNull();
    expect(readTokenScopes('a.b.c')).toBeNull();
    expect(readTokenScopes(jwt({ type: 'access_token' }))).toBeNull();
  });
});

describe('describeLifetime', () => {
  it.each([
    [86399, '86399 s (about 24 h)'],
    [120, '120 s (2 min)'],
    [30, '30 s'],
  ])('%i s', (seconds, text) => expect(describeLifetime(seconds)).toBe(text));
});

describe('classifyImsToken', () => {
  it('passes for a day-long token with commerce.accs, and never shows the token or the secret', () => {
    const token = jwt({ scope: IMS_COMMERCE_SCOPES.join(',') });
    const result = classifyImsToken(issued(token), credentials());
    expect(result).toMatchObject({ name: 'ims-token', status: 'pass', hint: null });
    expect(result.finding).toBe(
      'IMS issued a bearer token in 35 ms: expires_in 86399 s (about 24 h), its scopes include commerce.accs',
    );
    expect(result.details).toMatchObject({
      clientId: 'doctor-client',
      grantedScopes: [...IMS_COMMERCE_SCOPES],
      expiresInSeconds: 86399,
      code: null,
    });
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(SECRET);
  });

  it('falls back to the requested scopes when the token names none', () => {
    const result = classifyImsToken(issued('opaque'), credentials());
    expect(result.status).toBe('pass');
    expect(result.finding).toContain('commerce.accs was requested (the token names no scopes)');
  });

  it('fails when the granted scopes (or the requested ones) lack commerce.accs', () => {
    const granted = classifyImsToken(issued(jwt({ scope: 'AdobeID,openid' })), credentials());
    expect(granted.status).toBe('fail');
    expect(granted.finding).toBe(
      'IMS issued a token without commerce.accs (its scope: AdobeID,openid): the tenant refuses it',
    );
    expect(granted.hint).toContain('--ims-scopes');
    const requested = classifyImsToken(issued('opaque'), credentials({ scopes: ['openid'] }));
    expect(requested.status).toBe('fail');
    expect(requested.finding).toContain('(requested: openid)');
  });

  it('warns on a short-lived token and on a slow IMS', () => {
    const token = jwt({ scope: 'commerce.accs' });
    const short = classifyImsToken(issued(token, SHORT_TOKEN_SECONDS - 1), credentials());
    expect(short.status).toBe('warn');
    expect(short.hint).toContain('throttles');
    expect(classifyImsToken(issued(token, 86399, SLOW_TOKEN_MS + 1), credentials()).status).toBe('warn');
  });

  it("fails with the client's typed error and its hint when IMS refuses", () => {
    const error = new MagentoClientError(
      'IMS refused the client credentials (HTTP 401: invalid_client: invalid client_secret parameter).',
      'IMS_CLIENT_REJECTED',
      { status: 401, hint: 'Check clientId and clientSecret.' },
    );
    const result = classifyImsToken(
      { accessToken: null, expiresInSeconds: null, durationMs: null, error },
      credentials(),
    );
    expect(result).toMatchObject({ status: 'fail', hint: 'Check clientId and clientSecret.' });
    expect(result.finding).toBe(
      'no IMS token from https://ims-na1.adobelogin.com/ims/token/v3: IMS refused the client credentials (HTTP 401: invalid_client: invalid client_secret parameter) [IMS_CLIENT_REJECTED]',
    );
    expect(result.details['code']).toBe('IMS_CLIENT_REJECTED');
  });
});

describe('requestDoctorToken (against a fake IMS)', () => {
  const deps = (fetch: ReturnType<typeof createFakeSaasFetch>['fetch']) => {
    let now = 1_000;
    return { fetch, clock: () => (now += 10), timeoutMs: 5000 };
  };

  it('sends the client-credentials form with the scopes comma-separated and reads expires_in', async () => {
    const fake = createFakeSaasFetch();
    const outcome = await requestDoctorToken(credentials({ tokenUrl: fake.tokenUrl }), deps(fake.fetch));
    expect(outcome).toMatchObject({ expiresInSeconds: 86399, error: null });
    expect(outcome.accessToken).toMatch(/^ey/);
    expect(outcome.durationMs).toBeGreaterThan(0);
    const [request] = fake.tokenRequests();
    expect(Object.fromEntries(request.form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'doctor-client',
      client_secret: SECRET,
      scope: IMS_COMMERCE_SCOPES.join(','),
    });
  });

  it("maps IMS's refusal to the client's typed error, with the secret nowhere in it", async () => {
    const fake = createFakeSaasFetch();
    fake.onToken((request) => ({
      status: 401,
      json: { error: 'invalid_client', error_description: `invalid client_secret parameter ${request.body}` },
    }));
    const outcome = await requestDoctorToken(credentials({ tokenUrl: fake.tokenUrl }), deps(fake.fetch));
    expect(outcome.accessToken).toBeNull();
    expect(outcome.error?.code).toBe('IMS_CLIENT_REJECTED');
    expect(outcome.error?.hint).toContain('Developer Console');
    const shown = JSON.stringify(classifyImsToken(outcome, credentials()));
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain('IMS_CLIENT_REJECTED');
  });

  it('turns no answer into a NETWORK failure', async () => {
    const outcome = await requestDoctorToken(
      credentials({ tokenUrl: 'http://127.0.0.1:9/ims/token/v3' }),
      deps(() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))),
    );
    expect(outcome.error?.code).toBe('NETWORK');
    expect(classifyImsToken(outcome, credentials()).status).toBe('fail');
  });
});

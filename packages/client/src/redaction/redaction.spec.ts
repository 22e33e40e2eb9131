import { redact } from './redact';
import { redactBody, redactHeaders, redactUrl } from './redact-http';
import { isSecretName, REDACTED, redactText } from './redaction-rules';

describe('redactText', () => {
  it.each([
    [
      'Authorization header (OAuth)',
      'Authorization: OAuth oauth_consumer_key="ck", oauth_token="tok123", oauth_signature="sig%3D"',
      'Authorization: [REDACTED]',
    ],
    ['OAuth parameter list alone', 'sent OAuth oauth_consumer_key="ck",oauth_signature="abc"', 'sent OAuth [REDACTED]'],
    [
      'header inside JSON',
      JSON.stringify({ authorization: 'OAuth oauth_consumer_key="ck",oauth_signature="s"', accept: 'json' }),
      '{"authorization":"[REDACTED]","accept":"json"}',
    ],
    ['Bearer token', 'GET /api/stores with Bearer mk_AbCdEfGhIjKlMnOp', 'GET /api/stores with Bearer [REDACTED]'],
    ['Cookie header', 'Cookie: magekit_identity_form=abc; other=1', 'Cookie: [REDACTED]'],
    [
      'callback form body',
      'oauth_consumer_key=ck1&oauth_consumer_secret=cs1&store_base_url=https%3A%2F%2Fshop%2F&oauth_verifier=v1',
      'oauth_consumer_key=ck1&oauth_consumer_secret=[REDACTED]&store_base_url=https%3A%2F%2Fshop%2F&oauth_verifier=[REDACTED]',
    ],
    [
      'token response body',
      'oauth_token=t1&oauth_token_secret=ts1',
      'oauth_token=[REDACTED]&oauth_token_secret=[REDACTED]',
    ],
    ['JSON password', '{"email":"a@b.c","password":"hunter2hunter2"}', '{"email":"a@b.c","password":"[REDACTED]"}'],
    ['2FA code and API key', 'otp=123456&x-api-key: k1', 'otp=[REDACTED]&x-api-key: [REDACTED]'],
    [
      'database URL password',
      'connect postgres://app:s3cr3t@db:5432/app failed',
      'connect postgres://app:[REDACTED]@db:5432/app failed',
    ],
    ['ciphertext', 'value mk1.k1.aaaa.bbbb.cccc stored', `value ${REDACTED} stored`],
    [
      'bare JWT (IMS access token)',
      'token eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiYWNjZXNzX3Rva2VuIn0.c2lnbmF0dXJl expired',
      `token ${REDACTED} expired`,
    ],
    ['Adobe client secret', 'secret p8e-Zq8xWv7uTs6rQp5oNm4lKj3iHg2fEd1C rotated', `secret ${REDACTED} rotated`],
    [
      'IMS token request body',
      'grant_type=client_credentials&client_id=abc123&client_secret=s3cr3t&scope=openid,commerce.accs',
      'grant_type=client_credentials&client_id=abc123&client_secret=[REDACTED]&scope=openid,commerce.accs',
    ],
    [
      'IMS token answer',
      '{"access_token":"opaque-token","token_type":"bearer","expires_in":86399}',
      '{"access_token":"[REDACTED]","token_type":"[REDACTED]","expires_in":86399}',
    ],
  ])('%s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('keeps what is not secret (consumer keys, store URLs, ordinary words)', () => {
    const text = 'callback for consumer 0123456789abcdefghijklmnopqrstuv from https://shop.example.com/ accepted';
    expect(redactText(text)).toBe(text);
    const ims = 'client 0123456789abcdef0123456789abcdef of 0123456789ABCDEF01234567@AdobeOrg, scope commerce.accs';
    expect(redactText(ims)).toBe(ims);
  });
});

describe('isSecretName', () => {
  it.each([
    'password',
    'passwd',
    'oauth_consumer_secret',
    'accessTokenSecret',
    'tokenHash',
    'consumerSecretEnc',
    'oauth_signature',
    'otp',
    'x-api-key',
    'api_key',
    'Authorization',
    'cookie',
    'encryptionKeys',
    'private_key',
    'keys',
    'tokenExpiresAt',
    'client_secret',
    'clientSecret',
    'access_token',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'oauth_consumer_key',
    'store_base_url',
    'username',
    'email',
    'status',
    'accept',
    'context',
    'msg',
    'path',
    'keyId',
    'client_id',
    'x-gw-ims-org-id',
  ])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('redact', () => {
  it('replaces secret-named fields at any depth and keeps the rest', () => {
    const input = {
      headers: { authorization: 'OAuth x', cookie: 'mk_form=1', accept: 'json' },
      body: {
        oauth_consumer_key: 'ck',
        oauth_consumer_secret: 'cs',
        oauth_verifier: 'v',
        store_base_url: 'https://shop/',
      },
      store: {
        consumerSecretEnc: 'mk1.k1.a.b.c',
        accessTokenSecret: 's',
        tokenHash: 'h',
        passwordHash: 'p',
        status: 'active',
      },
      keys: { k1: 'base64' },
      list: [{ apiToken: 'mk_x' }, 'Bearer abcdefghijkl'],
      empty: { password: null },
    };
    expect(redact(input)).toEqual({
      headers: { authorization: REDACTED, cookie: REDACTED, accept: 'json' },
      body: {
        oauth_consumer_key: 'ck',
        oauth_consumer_secret: REDACTED,
        oauth_verifier: REDACTED,
        store_base_url: 'https://shop/',
      },
      store: {
        consumerSecretEnc: REDACTED,
        accessTokenSecret: REDACTED,
        tokenHash: REDACTED,
        passwordHash: REDACTED,
        status: 'active',
      },
      keys: REDACTED,
      list: [{ apiToken: REDACTED }, `Bearer ${REDACTED}`],
      empty: { password: null },
    });
  });

  it('turns errors into plain objects with redacted messages, stacks and causes, and cuts cycles', () => {
    const cause = Object.assign(new Error('POST oauth_token_secret=abc failed'), { code: 'NETWORK' });
    const error = new Error('token exchange failed: oauth_consumer_secret=zzz', { cause });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    const out = redact({ error, cyclic }) as { error: Record<string, unknown>; cyclic: Record<string, unknown> };
    expect(out.error['message']).toBe('token exchange failed: oauth_consumer_secret=[REDACTED]');
    expect(String(out.error['stack'])).not.toContain('zzz');
    expect(out.error['cause']).toMatchObject({ message: 'POST oauth_token_secret=[REDACTED] failed', code: 'NETWORK' });
    expect(out.cyclic['self']).toBe('[Circular]');
  });
});

describe('redactHeaders, redactUrl, redactBody', () => {
  it('keeps only the scheme of Authorization headers', () => {
    expect(
      redactHeaders({
        Authorization: 'OAuth oauth_consumer_key="k", oauth_signature="abc%3D"',
        accept: 'application/json',
        'x-api-key': 'k',
      }),
    ).toEqual({
      Authorization: 'OAuth [REDACTED]',
      accept: 'application/json',
      'x-api-key': '[REDACTED]',
    });
  });

  it('redacts secret-looking query values', () => {
    expect(redactUrl('https://s/rest/V1/x?oauth_signature=abc&searchCriteria%5BpageSize%5D=5&access_token=t')).toBe(
      'https://s/rest/V1/x?oauth_signature=[REDACTED]&searchCriteria%5BpageSize%5D=5&access_token=[REDACTED]',
    );
  });

  it('redacts URL passwords and survives malformed escapes in query names', () => {
    expect(redactUrl('https://user:pw@s/rest/V1/x?%E0%A4%A=1&pass%77ord=p')).toBe(
      'https://user:[REDACTED]@s/rest/V1/x?%E0%A4%A=1&pass%77ord=[REDACTED]',
    );
    expect(redactUrl(redactUrl('https://s/x?token=t'))).toBe('https://s/x?token=[REDACTED]');
  });

  it('redacts secrets in JSON and form bodies at any depth', () => {
    expect(
      JSON.parse(
        redactBody(JSON.stringify({ username: 'u', password: 'p', nested: [{ otp: '1', customer: { email: 'e' } }] })),
      ),
    ).toEqual({
      username: 'u',
      password: '[REDACTED]',
      nested: [{ otp: '[REDACTED]', customer: { email: 'e' } }],
    });
    expect(redactBody('oauth_consumer_secret=s&store_base_url=https%3A%2F%2Fx')).toBe(
      'oauth_consumer_secret=[REDACTED]&store_base_url=https://x',
    );
    expect(redactBody('x'.repeat(50), 10)).toBe('xxxxxxxxxx…');
  });

  it('redacts secrets in the texts of bodies too: JSON values, form values and plain text', () => {
    expect(redactBody(JSON.stringify({ note: 'retry with Bearer abcdefghijkl', passwd: 'p' }))).toBe(
      '{"note":"retry with Bearer [REDACTED]","passwd":"[REDACTED]"}',
    );
    expect(redactBody('comment=see%20postgres%3A%2F%2Fa%3Ab%40db')).toBe('comment=see postgres://a:[REDACTED]@db');
    expect(redactBody('plain Bearer abcdefghijkl text')).toBe('plain Bearer [REDACTED] text');
  });
});

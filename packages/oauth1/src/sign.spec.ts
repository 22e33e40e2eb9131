import { signRequest } from './sign';
import { OAuth1Error } from './oauth1-error';
import { readFixture, type SignVector } from './testing/vectors';

const vectors = readFixture<SignVector[]>('sign.json');

function toInput(v: SignVector) {
  return {
    method: v.method,
    url: v.url,
    headers: v.headers,
    body: v.body,
    consumerKey: v.consumerKey,
    consumerSecret: v.consumerSecret,
    token: v.token,
    tokenSecret: v.tokenSecret,
    verifier: v.verifier,
    nonce: v.nonce,
    timestamp: v.timestamp,
    signatureMethod: v.signatureMethod,
    oauthVersion: v.oauthVersion,
    extraOauthParams: v.extraOauthParams,
    profile: v.profile,
  };
}

describe('signRequest on the Magento-verified vectors (shared/vectors/oauth/sign.json)', () => {
  it('has vectors for both profiles', () => {
    expect(vectors.filter((v) => v.profile === 'latest').length).toBeGreaterThan(70);
    expect(vectors.filter((v) => v.profile === 'laminas').length).toBeGreaterThan(70);
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
    const signed = signRequest(toInput(vector));
    expect(signed.baseString).toBe(vector.expected.baseString);
    expect(signed.signingKey).toBe(vector.expected.signingKey);
    expect(signed.signature).toBe(vector.expected.signature);
    expect(signed.authorization.startsWith('OAuth ')).toBe(true);
    expect(signed.oauthParams.oauth_signature).toBe(vector.expected.signature);
    expect(signed.profile).toBe(vector.profile);
  });
});

describe('signRequest rules', () => {
  const base = {
    method: 'GET',
    url: 'https://shop.example.com/rest/V1/products?searchCriteria[pageSize]=5',
    consumerKey: 'k'.repeat(32),
    consumerSecret: 's'.repeat(32),
    token: 't'.repeat(32),
    tokenSecret: 'u'.repeat(32),
  };
  const fixed = { clock: () => 1_700_000_000_000, randomBytes: (n: number) => new Uint8Array(n).fill(7) };

  it('defaults to HMAC-SHA256, version 1.0, the injected clock and a 32-char [0-9a-z] nonce', () => {
    const signed = signRequest(base, fixed);
    expect(signed.oauthParams.oauth_signature_method).toBe('HMAC-SHA256');
    expect(signed.oauthParams.oauth_version).toBe('1.0');
    expect(signed.oauthParams.oauth_timestamp).toBe('1700000000');
    expect(signed.oauthParams.oauth_nonce).toMatch(/^[0-9a-z]{32}$/);
    expect(signed.oauthParams.oauth_nonce).toBe('7'.repeat(32));
  });

  it('draws a fresh nonce from the CSPRNG by default', () => {
    const a = signRequest(base).oauthParams.oauth_nonce;
    const b = signRequest(base).oauthParams.oauth_nonce;
    expect(a).toMatch(/^[0-9a-z]{32}$/);
    expect(a).not.toBe(b);
  });

  it('keeps the & in the key of the request-token step', () => {
    const signed = signRequest({ ...base, token: null, tokenSecret: null }, fixed);
    expect(signed.signingKey).toBe('s'.repeat(32) + '&');
  });

  it('signs form bodies and not JSON bodies', () => {
    const form = signRequest(
      { ...base, method: 'POST', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      fixed,
    );
    const json = signRequest(
      { ...base, method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } },
      fixed,
    );
    const none = signRequest({ ...base, method: 'POST' }, fixed);
    expect(form.baseString).toContain('a%3D1');
    expect(json.baseString).toBe(none.baseString);
  });

  it('never mutates its input', () => {
    const input = { ...base, headers: { host: 'shop.example.com' }, extraOauthParams: { oauth_callback: 'oob' } };
    const snapshot = JSON.stringify(input);
    signRequest(input, fixed);
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('warns about a nonce longer than Magento stores', () => {
    expect(signRequest({ ...base, nonce: 'n'.repeat(33) }).warnings[0]).toMatch(/32/);
  });

  it.each([
    [{ url: 'shop.example.com/rest' }, 'INVALID_URL'],
    [{ url: 'ftp://shop.example.com/x' }, 'INVALID_URL'],
    [{ method: 'GET POST' }, 'INVALID_METHOD'],
    [{ consumerKey: '' }, 'INVALID_INPUT'],
    [{ consumerSecret: undefined }, 'INVALID_INPUT'],
    [{ signatureMethod: 'PLAINTEXT' }, 'UNSUPPORTED_SIGNATURE_METHOD'],
    [{ profile: '2.4.6' }, 'INVALID_INPUT'],
    [{ extraOauthParams: { callback: 'x' } }, 'INVALID_INPUT'],
    [{ url: 'https://shop.example.com/rest/V1/orders?123=x' }, 'UNSIGNABLE_REQUEST'],
    [
      { method: 'POST', body: 'item[sku]=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      'UNSIGNABLE_REQUEST',
    ],
  ] as const)('rejects %j with %s', (patch, code) => {
    const run = () => signRequest({ ...base, ...(patch as object) } as never, fixed);
    expect(run).toThrow(OAuth1Error);
    try {
      run();
    } catch (error) {
      expect((error as OAuth1Error).code).toBe(code);
      expect((error as OAuth1Error).message.length).toBeGreaterThan(10);
    }
  });

  it('signs a numeric query key for 2.4.4–2.4.6, which verifies it', () => {
    const signed = signRequest(
      { ...base, url: 'https://shop.example.com/rest/V1/orders?123=x', profile: 'laminas' },
      fixed,
    );
    expect(signed.baseString).toContain('123%3Dx');
  });
});

import { rawurldecode, rawurlencode, toBytes } from '@magekit/php';
import type OAuth from 'oauth-1.0a';
import { MagentoOAuth } from './magento-oauth';
import { toMagentoRequest } from './sign';
import { readFixture, type SignVector } from './testing/vectors';

const vectors = readFixture<SignVector[]>('sign.json');

function signerFor(v: SignVector, version: string | null = v.oauthVersion): MagentoOAuth {
  return new MagentoOAuth({
    profile: v.profile,
    consumerKey: v.consumerKey,
    consumerSecret: v.consumerSecret,
    version,
    nonce: () => v.nonce,
    timestamp: () => v.timestamp,
  });
}

const tokenOf = (v: SignVector) =>
  ({ key: v.token === null ? undefined : toBytes(v.token), secret: toBytes(v.tokenSecret ?? '') }) as OAuth.Token;

describe('MagentoOAuth', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('authorize() signs %s as Magento does', (_id, v) => {
    const oauth = signerFor(v);
    const authorized = oauth.authorize(toMagentoRequest(v), tokenOf(v));
    expect(oauth.signedBaseString).toBe(v.expected.baseString);
    expect(authorized.oauth_signature).toBe(v.expected.signature);
    expect(oauth.getSigningKey(toBytes(v.tokenSecret ?? ''))).toBe(v.expected.signingKey);
  });

  it.each(vectors.map((v) => [v.id, v] as const))(
    'builds the base string of %s from its base URL and parameter string',
    (_id, v) => {
      const request = toMagentoRequest(v);
      const oauth = signerFor(v);
      const params = oauth.authorizeRequest(request, tokenOf(v));
      delete params.oauth_signature;
      expect(oauth.getBaseString(request, params)).toBe(v.expected.baseString);
      // The base string's last part is the rawurlencoded parameter string.
      expect(v.expected.baseString.endsWith(`&${rawurlencode(oauth.getParameterString(request, params))}`)).toBe(true);
      expect(rawurldecode(v.expected.baseString.split('&')[1])).toBe(oauth.getBaseUrl(request.url));
    },
  );

  it("percent-encodes as PHP's rawurlencode, on bytes", () => {
    const oauth = signerFor(vectors[0]);
    expect(oauth.percentEncode("a b!'()*~-._+&=%")).toBe('a%20b%21%27%28%29%2A~-._%2B%26%3D%25');
    expect(oauth.percentEncode(toBytes('é€'))).toBe('%C3%A9%E2%82%AC');
    expect(oauth.percentEncode('\x00\xff')).toBe('%00%FF');
  });

  it('leaves oauth_version out of the header and the base string when the version is null', () => {
    const v = vectors[0];
    const oauth = signerFor(v, null);
    const request = toMagentoRequest(v);
    const sent = oauth.authorizeRequest(request, tokenOf(v));
    expect(sent.oauth_version).toBeUndefined();
    expect(oauth.signedBaseString).not.toContain('oauth_version');
    expect(oauth.formatHeader(sent)).not.toContain('oauth_version');
  });

  it('always joins the signing key with "&", also without a token secret', () => {
    const oauth = new MagentoOAuth({ profile: 'latest', consumerKey: 'key', consumerSecret: 's&cret' });
    expect(oauth.getSigningKey(undefined)).toBe('s%26cret&');
  });

  it('refuses to make a nonce or timestamp when none was given', () => {
    const oauth = new MagentoOAuth({ profile: 'laminas', consumerKey: 'key', consumerSecret: 'secret' });
    expect(() => oauth.getNonce()).toThrow('without a nonce or clock');
    expect(() => oauth.getTimeStamp()).toThrow('without a nonce or clock');
  });
});

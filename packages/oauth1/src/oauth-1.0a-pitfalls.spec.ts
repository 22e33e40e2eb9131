/**
 * Why @magekit/oauth1 normalises URLs itself instead of handing raw URLs to `oauth-1.0a`: on these
 * Magento-verified vectors the package, used directly, computes base strings Magento refuses.
 */
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { readFixture, type SignVector } from './testing/vectors';

const vectors = readFixture<SignVector[]>('sign.json');
const byId = (id: string) => {
  const found = vectors.find((v) => v.id === id);
  if (!found) throw new Error(`missing vector ${id}`);
  return found;
};

function signDirectly(v: SignVector, data?: Record<string, unknown>, signatureMethod = 'HMAC-SHA256') {
  const oauth = new OAuth({
    consumer: { key: v.consumerKey, secret: v.consumerSecret },
    signature_method: signatureMethod,
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
  });
  const oauthData = {
    oauth_consumer_key: v.consumerKey,
    oauth_nonce: v.nonce,
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: Number(v.timestamp),
    oauth_version: '1.0',
    ...(v.token ? { oauth_token: v.token } : {}),
  };
  const request = { method: v.method, url: v.url, data };
  return {
    baseString: oauth.getBaseString(request, oauthData),
    signature: oauth.getSignature(request, v.tokenSecret ?? '', oauthData),
  };
}

describe('oauth-1.0a used directly on raw URLs (why we normalise ourselves)', () => {
  it('double-encodes %5B in an already-encoded searchCriteria query', () => {
    const v = byId('sign-pub-029-sc-encoded-latest');
    const direct = signDirectly(v);
    expect(direct.signature).not.toBe(v.expected.signature);
    expect(direct.baseString).toContain('%25255B');
    expect(v.expected.baseString).not.toContain('%25255B');
  });

  it('cuts a value at its second "="', () => {
    const v = byId('sign-pub-076-q-raw-equals-latest');
    const direct = signDirectly(v);
    expect(direct.signature).not.toBe(v.expected.signature);
    expect(v.expected.baseString).toContain('cursor%3Dks60ai327yun%253D%253D%26');
    expect(direct.baseString).toContain('cursor%3Dks60ai327yun%26');
  });

  it('signs "+" in a query as a plus where Magento reads a space', () => {
    const v = byId('sign-pub-045-val-plus-space-latest');
    const direct = signDirectly(v);
    expect(direct.signature).not.toBe(v.expected.signature);
    expect(v.expected.baseString).toContain('q%3Deij9%2520v4hn');
    expect(direct.baseString).toContain('q%3Deij9%252Bv4hn');
  });

  it('signs a JSON body when given the body as data', () => {
    const v = byId('sign-pub-023-api-put-json-latest');
    const direct = signDirectly(v, JSON.parse(v.body) as Record<string, unknown>);
    expect(direct.signature).not.toBe(v.expected.signature);
    expect(direct.baseString).toContain('product%3D');
    expect(v.expected.baseString).not.toContain('product%3D');
  });

  it('sorts encoded names (RFC order), which neither Magento line accepts with ≥ 10 filter indexes', () => {
    for (const id of ['sign-pub-031-sc-many-filters-literal-latest', 'sign-pub-031-sc-many-filters-literal-laminas']) {
      const v = byId(id);
      expect(signDirectly(v).signature).not.toBe(v.expected.signature);
    }
  });

  it('defaults to PLAINTEXT, which Magento refuses', () => {
    const oauth = new OAuth({ consumer: { key: 'k', secret: 's' } });
    expect((oauth as unknown as { signature_method: string }).signature_method).toBe('PLAINTEXT');
  });

  it('agrees with Magento on a plain request (so the package is right where we use it)', () => {
    const v = byId('sign-pub-014-api-get-plain-latest');
    expect(signDirectly(v).signature).toBe(v.expected.signature);
  });
});

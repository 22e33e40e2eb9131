import { signRequest } from '@magekit/oauth1';
import { explainMaskedBaseString, MASK } from './masked-base-string';

const credentials = {
  consumerKey: 'c'.repeat(32),
  consumerSecret: 's'.repeat(32),
  token: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
  tokenSecret: 'z'.repeat(32),
};

function signed(url: string, extra: { headers?: Record<string, string>; body?: string } = {}) {
  const result = signRequest({
    method: 'GET',
    url,
    ...extra,
    ...credentials,
    nonce: 'n'.repeat(32),
    timestamp: 1_700_000_000,
  });
  return {
    method: 'GET',
    url,
    headers: { ...extra.headers, authorization: result.authorization },
    body: extra.body,
    profile: 'latest' as const,
    result,
  };
}

describe('explainMaskedBaseString', () => {
  it('is the base string Magento rebuilds, with the access token masked and no signature or secret in it', () => {
    const attempt = signed('https://shop.example.com/rest/V1/orders?searchCriteria%5BpageSize%5D=1');
    const masked = explainMaskedBaseString(attempt);
    expect(masked).toBe(
      attempt.result.baseString.replace(`oauth_token%3D${credentials.token}`, `oauth_token%3D${MASK}`),
    );
    expect(masked).toContain(`oauth_consumer_key%3D${credentials.consumerKey}`);
    expect(masked).toContain('searchCriteria%255BpageSize%255D%3D1');
    for (const secret of [
      credentials.token,
      credentials.consumerSecret,
      credentials.tokenSecret,
      attempt.result.signature,
    ])
      expect(masked).not.toContain(secret);
  });

  it('masks secret-looking query parameters too', () => {
    const attempt = signed('https://shop.example.com/rest/V1/x?password=hunter2hunter2&q=visible');
    const masked = explainMaskedBaseString(attempt) ?? '';
    expect(masked).toContain(`password%3D${MASK}`);
    expect(masked).toContain('q%3Dvisible');
    expect(masked).not.toContain('hunter2');
  });

  it('gives null for a request it cannot explain rather than anything unmasked', () => {
    expect(
      explainMaskedBaseString({
        method: 'GET',
        url: 'https://s.test/rest/V1/x',
        headers: { authorization: 'Bearer abc' },
        profile: 'latest',
      }),
    ).toBeNull();
  });
});

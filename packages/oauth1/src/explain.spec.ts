import { explainRequest } from './explain';
import { readFixture, type SignVector } from './testing/vectors';

const vectors = readFixture<SignVector[]>('sign.json');

describe('explainRequest', () => {
  it.each(vectors.filter((v) => v.profile === 'latest').map((v) => [v.id, v] as const))(
    '%s: base string for both profiles',
    (_id, v) => {
      const explanation = explainRequest({ ...v, headers: { ...v.headers, authorization: v.authorizationHeader } });
      expect(explanation.profiles[0].profile).toBe('latest');
      expect(explanation.profiles[0].baseString).toBe(v.expected.baseString);
      const laminas = vectors.find((other) => other.id === v.id.replace(/-latest$/, '-laminas'));
      if (laminas) expect(explanation.profiles[1].baseString).toBe(laminas.expected.baseString);
      expect(explanation.profilesAgree).toBe(!v.tags.includes('base_string_differs_between_profiles'));
    },
  );

  it('lists each signed parameter with its source', () => {
    const explanation = explainRequest({
      method: 'post',
      url: 'https://shop.example.com/rest/V1/orders/5/comments?flag&q=a+b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'comment=hi',
      consumerKey: 'k'.repeat(32),
      token: 't'.repeat(32),
      nonce: 'n'.repeat(32),
      timestamp: 1,
    });
    const latest = explanation.profiles[0];
    expect(latest.parameters.map((p) => [p.name, p.value, p.source])).toEqual([
      ['comment', 'hi', 'body'],
      ['flag', '', 'query'],
      ['oauth_consumer_key', 'k'.repeat(32), 'header'],
      ['oauth_nonce', 'n'.repeat(32), 'header'],
      ['oauth_signature_method', 'HMAC-SHA256', 'header'],
      ['oauth_timestamp', '1', 'header'],
      ['oauth_token', 't'.repeat(32), 'header'],
      ['oauth_version', '1.0', 'header'],
      ['q', 'a b', 'query'],
    ]);
    expect(explanation.profilesAgree).toBe(false);
  });

  it('explains why the latest line cannot verify a numeric key', () => {
    const explanation = explainRequest({ method: 'GET', url: 'https://s.test/rest/V1/x?123=a', consumerKey: 'k' });
    expect(explanation.profiles[0].error).toMatch(/HTTP 500/);
    expect(explanation.profiles[1].baseString).toContain('123%3Da');
  });
});

import { redactBody, redactHeaders, redactUrl } from './redact';

describe('redaction', () => {
  it('keeps only the scheme of Authorization headers', () => {
    expect(redactHeaders({ Authorization: 'OAuth oauth_consumer_key="k", oauth_signature="abc%3D"', accept: 'application/json', 'x-api-key': 'k' })).toEqual({
      Authorization: 'OAuth [redacted]',
      accept: 'application/json',
      'x-api-key': '[redacted]',
    });
  });

  it('redacts secret-looking query values', () => {
    expect(redactUrl('https://s/rest/V1/x?oauth_signature=abc&searchCriteria%5BpageSize%5D=5&access_token=t')).toBe('https://s/rest/V1/x?oauth_signature=[redacted]&searchCriteria%5BpageSize%5D=5&access_token=[redacted]');
  });

  it('redacts secrets in JSON and form bodies at any depth', () => {
    expect(JSON.parse(redactBody(JSON.stringify({ username: 'u', password: 'p', nested: [{ otp: '1', customer: { email: 'e' } }] })))).toEqual({
      username: 'u',
      password: '[redacted]',
      nested: [{ otp: '[redacted]', customer: { email: 'e' } }],
    });
    expect(redactBody('oauth_consumer_secret=s&store_base_url=https%3A%2F%2Fx')).toBe('oauth_consumer_secret=[redacted]&store_base_url=https://x');
    expect(redactBody('x'.repeat(50), 10)).toBe('xxxxxxxxxx…');
  });
});

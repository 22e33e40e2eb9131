import { parseAuthorizationHeader } from '@magekit/oauth1';
import { buildVersionProbeHeader, classifyAuthorizationHeader, readHeaderArrival } from './check-authorization-header';
import { fakeRefusal, fakeReply } from './fake-replies';

describe('buildVersionProbeHeader', () => {
  it('is a well-formed OAuth header with oauth_version 2.0, a 32-character dummy consumer key and no secret', () => {
    const header = buildVersionProbeHeader(1_767_225_600);
    const params = parseAuthorizationHeader(header);
    expect(Object.keys(params).sort()).toEqual([
      'oauth_consumer_key',
      'oauth_nonce',
      'oauth_signature',
      'oauth_signature_method',
      'oauth_timestamp',
      'oauth_token',
      'oauth_version',
    ]);
    expect(params['oauth_version']).toBe('2.0');
    expect(params['oauth_timestamp']).toBe('1767225600');
    expect(params['oauth_consumer_key']).toHaveLength(32);
    expect(params['oauth_token']).toHaveLength(32);
  });
});

describe('classifyAuthorizationHeader', () => {
  it('passes when Magento refuses the version: the header arrived', () => {
    const result = classifyAuthorizationHeader(
      fakeReply(400, { message: 'The "%1" Oauth version isn\'t supported.', parameters: ['2.0'] }),
    );
    expect(result.status).toBe('pass');
    expect(result.finding).toContain('The "2.0" Oauth version isn\'t supported.');
    expect(readHeaderArrival(result)).toBe(true);
  });

  it('fails when the caller was a guest: the header was stripped, with the Apache and nginx fixes', () => {
    const result = classifyAuthorizationHeader(fakeRefusal('Magento_Backend::store'));
    expect(result.status).toBe('fail');
    expect(result.finding).toContain("The consumer isn't authorized to access Magento_Backend::store.");
    expect(result.hint).toContain('SetEnvIf Authorization "(.*)" HTTP_AUTHORIZATION=$1');
    expect(result.hint).toContain('fastcgi_param HTTP_AUTHORIZATION');
    expect(readHeaderArrival(result)).toBe(false);
  });

  it('skips when the protected route is not routed', () => {
    const result = classifyAuthorizationHeader(fakeReply(404, { message: 'Request does not match any route.' }));
    expect(result.status).toBe('skipped');
    expect(readHeaderArrival(result)).toBeNull();
  });

  it('warns on anything else (a proxy or module reads the header)', () => {
    const result = classifyAuthorizationHeader(fakeReply(403, '<html>Forbidden</html>'));
    expect(result.status).toBe('warn');
    expect(result.finding).toContain('HTTP 403 (text/html)');
  });
});

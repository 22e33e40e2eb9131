import { checkImsTokenForm, checkScopes, readImsTokenForm, splitScopes } from './ims-token-request';

const FULL = 'grant_type=client_credentials&client_id=c&client_secret=s&scope=openid,commerce.accs';

describe('the IMS token request', () => {
  it('reads the form body, each missing or empty field from the query string', () => {
    expect(readImsTokenForm('client_id=body&scope=', 'client_id=query&scope=a,b&grant_type=x')).toEqual({
      grantType: 'x',
      clientId: 'body',
      clientSecret: null,
      scope: 'a,b',
    });
    expect(readImsTokenForm('client_secret=a%2Bb+c', '')).toMatchObject({ clientSecret: 'a+b c' });
  });

  it('checks presence in field order, then the grant', () => {
    expect(checkImsTokenForm(readImsTokenForm(FULL, ''))).toBeNull();
    expect(checkImsTokenForm(readImsTokenForm('', ''))).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'missing grant_type parameter' },
    });
    expect(checkImsTokenForm(readImsTokenForm(FULL.replace('client_secret=s', 'client_secret='), ''))).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'missing client_secret parameter' },
    });
    expect(checkImsTokenForm(readImsTokenForm(FULL.replace('client_credentials', 'authorization_code'), ''))).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type', error_description: 'unsupported grant_type authorization_code' },
    });
  });

  it('splits scopes on commas, trimming, once each', () => {
    expect(splitScopes(' openid, commerce.accs,,openid ')).toEqual(['openid', 'commerce.accs']);
    expect(splitScopes(',')).toEqual([]);
  });

  it('refuses scopes the credential may not request, naming them', () => {
    expect(checkScopes(['openid'], ['openid', 'commerce.accs'])).toBeNull();
    expect(checkScopes(['openid', 'a', 'b'], ['openid'])).toEqual({
      status: 400,
      body: { error: 'invalid_scope', error_description: 'Invalid scope(s): a,b' },
    });
    expect(checkScopes([], ['openid'])?.body.error).toBe('invalid_scope');
  });
});

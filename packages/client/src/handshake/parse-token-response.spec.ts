import { parseAccessTokenResponse, parseRequestTokenResponse } from './parse-token-response';
import { parseFormBody } from './parse-form-body';
import { MagentoClientError } from '../errors/magento-client-error';

function failure(fn: () => unknown): MagentoClientError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MagentoClientError) return error;
    throw error;
  }
  throw new Error('expected a MagentoClientError');
}

describe('parseFormBody', () => {
  it('decodes + as space and percent escapes, later duplicates win', () => {
    const fields = parseFormBody('a=x+y%2Bz&b=%E2%82%AC&a=last&flag&bad=%ZZ');
    expect(Object.fromEntries(fields)).toEqual({ a: 'last', b: '€', flag: '', bad: '%ZZ' });
  });
});

describe('parseRequestTokenResponse / parseAccessTokenResponse', () => {
  it('returns the token pair of a success body', () => {
    const token = 'a'.repeat(32);
    const secret = 'b1'.repeat(16);
    expect(parseRequestTokenResponse(200, `oauth_token=${token}&oauth_token_secret=${secret}`)).toEqual({
      token,
      tokenSecret: secret,
    });
    expect(parseAccessTokenResponse(200, `oauth_token=${token}&oauth_token_secret=${secret}\n`)).toEqual({
      token,
      tokenSecret: secret,
    });
  });

  it.each([
    [401, 'oauth_problem=Consumer+key+has+expired', 'CONSUMER_EXPIRED', /Reauthorize/],
    [401, 'oauth_problem=The+signature+is+invalid.+Verify+and+try+again.', 'SIGNATURE_INVALID', /profile/],
    [401, 'oauth_problem=An+error+occurred+validating+the+nonce', 'NONCE_REJECTED', /clock/],
    [
      401,
      'oauth_problem=Cannot+create+request+token+because+consumer+token+is+not+a+verifier+token',
      'HANDSHAKE_STATE',
      /once per activation/,
    ],
    [401, 'oauth_problem=Token+verifier+and+verifier+token+do+not+match', 'VERIFIER_INVALID', /latest callback/],
    [
      400,
      'oauth_problem=%22oauth_nonce%22+is+required.+Enter+and+try+again%2C+%22oauth_timestamp%22+is+required.+Enter+and+try+again',
      'OAUTH_PARAMETER_MISSING',
      /Authorization header/,
    ],
  ])('maps HTTP %i %s to %s with a hint', (status, body, code, hint) => {
    const error = failure(() => parseAccessTokenResponse(status, body));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.hint).toMatch(hint);
    expect(error.magento?.message).toBe(parseFormBody(body).get('oauth_problem'));
  });

  it('unwraps the internal_error body of a 500', () => {
    const error = failure(() =>
      parseRequestTokenResponse(500, 'oauth_problem=internal_error%26message%3DSQLSTATE%5BHY000%5D+gone+away'),
    );
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.status).toBe(500);
    expect(error.magento?.message).toBe('SQLSTATE[HY000] gone away');
    expect(error.message).toContain('SQLSTATE[HY000] gone away');
  });

  it('refuses bodies that are not a token endpoint answer', () => {
    expect(failure(() => parseRequestTokenResponse(200, '<html>Whoops</html>')).code).toBe('INVALID_RESPONSE');
    expect(failure(() => parseRequestTokenResponse(200, 'oauth_token=abc')).code).toBe('INVALID_RESPONSE');
    expect(failure(() => parseRequestTokenResponse(404, '<html>404</html>')).code).toBe('NOT_FOUND');
  });
});

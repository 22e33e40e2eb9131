import { parseRestError } from './parse-rest-error';

describe('parseRestError', () => {
  it('renders %resources and keeps the raw phrase', () => {
    const error = parseRestError(
      401,
      JSON.stringify({
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Catalog::products' },
      }),
    );
    expect(error.message).toBe("The consumer isn't authorized to access Magento_Catalog::products.");
    expect(error.code).toBe('NOT_AUTHORIZED');
    expect(error.status).toBe(401);
    expect(error.magento).toEqual({
      message: "The consumer isn't authorized to access %resources.",
      parameters: { resources: 'Magento_Catalog::products' },
    });
    expect(error.hint).toMatch(/guest/);
  });

  it('renders %1 and classifies OAuth problems', () => {
    const error = parseRestError(
      400,
      JSON.stringify({ message: 'Signature method %1 is not supported', parameters: ['HMAC-SHA1'], trace: '#0 …' }),
    );
    expect(error.message).toBe('Signature method HMAC-SHA1 is not supported');
    expect(error.code).toBe('SIGNATURE_METHOD_REJECTED');
  });

  it('treats "%fieldName" is required as input validation unless the field is an OAuth parameter', () => {
    const input = parseRestError(
      400,
      JSON.stringify({ message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'sku' } }),
    );
    expect(input.message).toBe('"sku" is required. Enter and try again.');
    expect(input.code).toBe('BAD_REQUEST');
    const oauth = parseRestError(
      400,
      JSON.stringify({
        message: '"%fieldName" is required. Enter and try again.',
        parameters: { fieldName: 'oauth_nonce' },
      }),
    );
    expect(oauth.code).toBe('OAUTH_PARAMETER_MISSING');
  });

  it('appends aggregated errors and maps statuses', () => {
    const error = parseRestError(
      400,
      JSON.stringify({
        message: 'One or more input exceptions have occurred.',
        errors: [{ message: 'The "%1" value is invalid.', parameters: ['price'] }],
      }),
    );
    expect(error.message).toBe('One or more input exceptions have occurred. The "price" value is invalid.');
    expect(
      parseRestError(
        404,
        JSON.stringify({ message: "The product that was requested doesn't exist. Verify the product and try again." }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(parseRestError(429, '').code).toBe('RATE_LIMITED');
  });

  it('keeps non-JSON bodies short', () => {
    const error = parseRestError(502, `<html><body>${'Bad gateway '.repeat(50)}</body></html>`);
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.message.length).toBeLessThan(260);
    expect(error.magento).toBeUndefined();
  });

  it.each([
    [
      'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.',
      'BAD_CREDENTIALS',
      /locked/,
    ],
    ['Please use the 2fa provider-specific endpoints to obtain a token.', 'TWO_FACTOR_REQUIRED', /otp/],
    [
      'You are required to configure personal Two-Factor Authorization in order to login. Please check your email.',
      'TWO_FACTOR_NOT_CONFIGURED',
      /e-mail/,
    ],
  ])('maps the token-service message %s', (message, code, hint) => {
    const error = parseRestError(401, JSON.stringify({ message }));
    expect(error.code).toBe(code);
    expect(error.hint).toMatch(hint);
  });
});

import { rawurlencode, toBytes } from '@magekit/php';
import fc from 'fast-check';
import OAuth from 'oauth-1.0a';
import { formatAuthorizationHeader } from './authorization-header';

/** oauth-1.0a's own header assembly, with the encoding Magento reads (UTF-8 bytes, rawurlencoded). */
const reference = new OAuth({
  consumer: { key: '', secret: '' },
  signature_method: 'HMAC-SHA256',
  hash_function: () => '',
});
reference.percentEncode = (value: string) => rawurlencode(toBytes(String(value)));

const USUAL = [
  'oauth_consumer_key',
  'oauth_nonce',
  'oauth_signature',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_token',
  'oauth_verifier',
  'oauth_version',
];
const names = fc.oneof(
  fc.constantFrom(...USUAL),
  fc.stringMatching(/^oauth_[a-z_-]{1,8}$/),
  fc.constantFrom('realm', 'xoauth_a', 'foo', 'oauth_é', ''),
);
const values = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
  fc.constantFrom('', 'HMAC-SHA256', '1.0', 'a b', '~-._'),
);

describe('formatAuthorizationHeader (toHeader form)', () => {
  it("writes exactly what oauth-1.0a's toHeader writes", () => {
    fc.assert(
      fc.property(fc.dictionary(names, values), (params) => {
        expect(formatAuthorizationHeader(params)).toBe(reference.toHeader(params as never).Authorization);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps toHeader\'s quirk for no oauth_* parameter at all ("OAut")', () => {
    expect(formatAuthorizationHeader({})).toBe(reference.toHeader({} as never).Authorization);
    expect(formatAuthorizationHeader({ foo: 'x' })).toBe('OAut');
  });
});

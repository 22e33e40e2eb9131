import fc from 'fast-check';
import { formatAuthorizationHeader, parseAuthorizationHeader } from './authorization-header';
import { OAuth1Error } from './oauth1-error';

describe('parseAuthorizationHeader (Magento Helper\\Request::_processHeader)', () => {
  it.each([
    [
      'quoted with spaces',
      'OAuth oauth_consumer_key="abc", oauth_nonce="n1"',
      { oauth_consumer_key: 'abc', oauth_nonce: 'n1' },
    ],
    [
      'unquoted, no spaces',
      'OAuth oauth_consumer_key=abc,oauth_nonce=n1',
      { oauth_consumer_key: 'abc', oauth_nonce: 'n1' },
    ],
    ['lower-case scheme and realm ignored', 'oauth realm="x", oauth_token="t"', { oauth_token: 't' }],
    ['percent-encoded values decoded', 'OAuth oauth_signature="a%2Bb%3D"', { oauth_signature: 'a+b=' }],
    ['raw base64 accepted', 'OAuth oauth_signature="a+b/c="', { oauth_signature: 'a+b/c=' }],
    ['text before the scheme ignored', 'Bearer x, OAuth oauth_token="t"', { oauth_token: 't' }],
    ['non-oauth names dropped', 'OAuth foo="1", oauth_token="t"', { oauth_token: 't' }],
    ['pairs without = dropped', 'OAuth oauth_token, oauth_nonce="n"', { oauth_nonce: 'n' }],
    [
      'UTF-8 values',
      'OAuth oauth_callback="https%3A%2F%2Fx.test%2Fgr%C3%BC%C3%9F"',
      { oauth_callback: 'https://x.test/grüß' },
    ],
  ])('%s', (_name, header, expected) => {
    expect(parseAuthorizationHeader(header)).toEqual(expected);
  });

  it.each([[undefined], [null], [42], ['Bearer abc'], ['']])('refuses %p with HEADER_MALFORMED', (header) => {
    expect(() => parseAuthorizationHeader(header)).toThrow(expect.objectContaining({ code: 'HEADER_MALFORMED' }));
  });

  it('never throws anything but OAuth1Error on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constant('OAuth ').chain((p) => fc.string().map((s) => p + s)),
        ),
        (header) => {
          try {
            const parsed = parseAuthorizationHeader(header);
            for (const [name, value] of Object.entries(parsed)) {
              expect(name).toMatch(/oauth_[a-z_-]+/);
              expect(typeof value).toBe('string');
            }
          } catch (error) {
            expect(error).toBeInstanceOf(OAuth1Error);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back what formatAuthorizationHeader writes', () => {
    const name = fc.stringMatching(/^oauth_[a-z_-]{1,12}$/);
    fc.assert(
      fc.property(fc.dictionary(name, fc.string({ unit: 'grapheme' }), { minKeys: 1 }), (params) => {
        expect(parseAuthorizationHeader(formatAuthorizationHeader(params))).toEqual(params);
      }),
      { numRuns: 500 },
    );
  });
});

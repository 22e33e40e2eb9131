import { rawurldecode, rawurlencode, rawurlencodeTwice, urldecode } from './php-string';

const BYTE_VALUES = 256;
const randomBytes = (length: number) => Array.from({ length }, () => String.fromCharCode(Math.floor(Math.random() * BYTE_VALUES))).join('');

describe('PHP percent-encoding on byte strings', () => {
  it('rawurldecode decodes %XX (any case) and leaves malformed escapes and + alone', () => {
    expect(rawurldecode('a%20b%2fc%2F+')).toBe('a b/c/+');
    expect(rawurldecode('%%41%4%zz%')).toBe('%A%4%zz%');
    expect(rawurldecode('%C3%A9%00')).toBe('\xc3\xa9\x00');
    expect(urldecode('a+b%2B')).toBe('a b+');
  });

  it('rawurlencodeTwice is rawurlencode applied twice, and rawurldecode undoes rawurlencode', () => {
    for (let i = 0; i < 2000; i++) {
      const bytes = randomBytes(i % 24);
      expect(rawurlencodeTwice(bytes)).toBe(rawurlencode(rawurlencode(bytes)));
      expect(rawurldecode(rawurlencode(bytes))).toBe(bytes);
    }
  });
});

import { fromBytes, toBytes } from './bytes';
import { rawurldecode, rawurlencode, urldecode, urlencode } from './url-encoding';

const BYTE_VALUES = 256;
const randomBytes = (length: number) =>
  Array.from({ length }, () => String.fromCharCode(Math.floor(Math.random() * BYTE_VALUES))).join('');
const ALPHABET = [
  'a',
  'Z',
  '0',
  '~',
  '-',
  '_',
  '.',
  ' ',
  '+',
  '%',
  '/',
  '[',
  ']',
  '!',
  "'",
  '(',
  ')',
  '*',
  '=',
  '&',
  'é',
  '€',
  '😀',
  '%41',
  '%C3%A9',
  '%zz',
];
const randomText = (length: number) =>
  Array.from({ length }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');

/** RFC 3986 encoding of text with the platform's encoder, a reference independent of the byte tables. */
const encodeRfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase());

describe('PHP percent-encoding on byte strings', () => {
  it('rawurlencode matches PHP rawurlencode on the UTF-8 bytes of text', () => {
    expect(rawurlencode(toBytes("a b+c/d[e]~f.g-h_i!'()*€"))).toBe(
      'a%20b%2Bc%2Fd%5Be%5D~f.g-h_i%21%27%28%29%2A%E2%82%AC',
    );
    expect(rawurlencode('\x00\xff')).toBe('%00%FF');
  });

  it('rawurlencode agrees with encodeURIComponent plus the RFC 3986 reserved marks, on any text', () => {
    for (let i = 0; i < 2000; i++) {
      const text = randomText(i % 16);
      expect(rawurlencode(toBytes(text))).toBe(encodeRfc3986(text));
    }
  });

  it('urlencode encodes a space as + and ~ as %7E', () => {
    expect(urlencode(toBytes('a b~c+é'))).toBe('a+b%7Ec%2B%C3%A9');
  });

  it('rawurldecode decodes %XX (any case) and leaves malformed escapes and + alone', () => {
    expect(rawurldecode('a%20b%2fc%2F+')).toBe('a b/c/+');
    expect(rawurldecode('%%41%4%zz%')).toBe('%A%4%zz%');
    expect(rawurldecode('%C3%A9%00')).toBe('\xc3\xa9\x00');
    expect(urldecode('a+b%2B')).toBe('a b+');
  });

  it('rawurlencode escapes every byte but A-Z a-z 0-9 - _ . ~, byte by byte', () => {
    const byByte = (bytes: string) =>
      [...Buffer.from(bytes, 'latin1')]
        .map((byte) =>
          /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
            ? String.fromCharCode(byte)
            : '%' + byte.toString(16).toUpperCase().padStart(2, '0'),
        )
        .join('');
    for (let i = 0; i < 2000; i++) {
      const bytes = randomBytes(i % 24);
      expect(rawurlencode(bytes)).toBe(byByte(bytes));
    }
  });

  it('rawurlencode applied twice turns each % into %25, and rawurldecode undoes rawurlencode', () => {
    for (let i = 0; i < 2000; i++) {
      const bytes = randomBytes(i % 24);
      expect(rawurlencode(rawurlencode(bytes))).toBe(rawurlencode(bytes).replace(/%/g, '%25'));
      expect(rawurldecode(rawurlencode(bytes))).toBe(bytes);
    }
  });

  it('urldecode read as UTF-8 agrees with decodeURIComponent wherever that succeeds', () => {
    for (let i = 0; i < 2000; i++) {
      const text = randomText(i % 16);
      let expected: string;
      try {
        expected = decodeURIComponent(text.replace(/\+/g, ' '));
      } catch {
        continue;
      }
      expect(fromBytes(urldecode(toBytes(text)))).toBe(expected);
    }
  });

  it('urldecode keeps bytes that are not UTF-8, which read as text become U+FFFD', () => {
    expect(urldecode('%FF%41')).toBe('\xffA');
    expect(fromBytes(urldecode('a%FFb+%zz'))).toBe('a\ufffdb %zz');
  });
});

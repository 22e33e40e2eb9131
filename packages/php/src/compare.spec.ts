import { toBytes } from './bytes';
import { compareBytes, compareKeys, ksort } from './compare';

const ALPHABET = ['a', 'B', '0', '~', 'é', 'ÿ', '€', '\uffff', '😀', '𝄞', '\u0000'];
const randomText = (length: number) =>
  Array.from({ length }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');

describe('compareBytes', () => {
  it("orders text as PHP's strcmp orders its UTF-8 bytes", () => {
    for (let i = 0; i < 5000; i++) {
      const a = randomText(i % 5);
      const b = randomText((i >> 2) % 5);
      expect([a, b, compareBytes(a, b)]).toEqual([a, b, Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)))]);
    }
  });

  it('orders byte strings byte for byte', () => {
    expect(compareBytes(toBytes('é'), toBytes('€'))).toBe(-1);
    expect(compareBytes('\xff', '\xfe')).toBe(1);
    expect(compareBytes('ab', 'ab')).toBe(0);
    expect(compareBytes('ab', 'abc')).toBe(-1);
  });
});

describe('ksort order', () => {
  it('compares numeric keys by value and the rest byte for byte', () => {
    expect(compareKeys('10', '9')).toBe(1);
    expect(compareKeys('1e1', '10')).toBe(1);
    expect(compareKeys('a', '10')).toBe(1);
    expect(ksort(['b', '10', 'a', '9', 'B'])).toEqual(['9', '10', 'B', 'a', 'b']);
    expect(ksort(['oauth_nonce', 'oauth_consumer_key', 'b', 'a_b'])).toEqual([
      'a_b',
      'b',
      'oauth_consumer_key',
      'oauth_nonce',
    ]);
  });
});

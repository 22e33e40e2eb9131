import { createHmac } from 'node:crypto';
import { buildSigningKey, computeSignature, HMAC_BLOCK_SIZE, prepareSigningKey, signBaseString, signPrefixedBytes } from './hmac';

/** The message after the free room signPrefixedBytes fills with the inner pad. */
function prefixed(message: string): Buffer {
  return Buffer.concat([Buffer.alloc(HMAC_BLOCK_SIZE, 0xee), Buffer.from(message, 'latin1')]);
}

const SECRETS: Array<[string, string, string | null]> = [
  ['a 2-byte key (request-token step)', 's', null],
  ['a 65-byte key (hashed first)', 'abcdefghijklmnopqrstuvwxyz012345', 'abcdefghijklmnopqrstuvwxyz012345'],
  ['a 63-byte key', 'x'.repeat(62), ''],
  ['a 64-byte key (one block)', 'x'.repeat(63), ''],
  ['a non-ASCII key', 'é日 + %', 'ü'],
  ['a 302-byte key', 'a'.repeat(300), 'b'],
];

describe('HMAC of prepared signing keys', () => {
  it.each(SECRETS)('matches createHmac with %s, SHA-256 and SHA-1', (_label, consumerSecret, tokenSecret) => {
    const key = prepareSigningKey(consumerSecret, tokenSecret);
    expect(key.bytes).toBe(buildSigningKey(consumerSecret, tokenSecret));
    for (const message of ['', 'GET&https%3A%2F%2Fshop.example.com%2Frest&a%3D1', 'p'.repeat(5000)]) {
      expect(signPrefixedBytes('HMAC-SHA256', prefixed(message), key)).toBe(createHmac('sha256', key.bytes).update(message).digest('base64'));
      expect(signPrefixedBytes('HMAC-SHA1', prefixed(message), key)).toBe(createHmac('sha1', key.bytes).update(message).digest('base64'));
      expect(signBaseString('HMAC-SHA256', message, key)).toBe(computeSignature('HMAC-SHA256', message, key.bytes));
    }
  });

  it('gives the same prepared key for the same secrets and a distinct one per token secret', () => {
    expect(prepareSigningKey('c', 't')).toBe(prepareSigningKey('c', 't'));
    expect(prepareSigningKey('c', null)).toBe(prepareSigningKey('c', undefined));
    expect(prepareSigningKey('c', 'u').bytes).toBe('c&u');
  });

  it('signs one message after another, with one key or several, each as createHmac does', () => {
    const keys = [prepareSigningKey('k', 't'), prepareSigningKey('other', null)];
    for (const message of ['one', 'two', 'three']) {
      for (const key of keys) {
        expect(signPrefixedBytes('HMAC-SHA256', prefixed(message), key)).toBe(createHmac('sha256', key.bytes).update(message).digest('base64'));
      }
    }
  });
});
